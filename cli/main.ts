/** `gasdesk <command>`: dispatches to the subcommands. Runtime: Node. */
import { cardCommand } from './card-command';
import { dbCommand } from './db-command';
import { emulateCommand } from './emulate-command';
import { printCommand } from './print-command';
import { receiptCommand } from './receipt-command';
import { serveCommand } from './serve-command';
import { serverCommand } from './server-command';
import { syncCommand } from './sync-command';

const HELP = `gasdesk — 燃气营业厅柜台系统 GasDesk

用法 Usage: gasdesk <command> [options]

命令 Commands:
  serve [--data DIR] [--port N] [--demo] [--throwaway] [--reader SPEC] [--print-dir DIR]
        在 127.0.0.1 上提供界面和接口，供浏览器使用（打印一行 "serving at <URL>"）
        Serve the UI and the API on 127.0.0.1 for a browser; prints one line "serving at <URL>".
        --demo       在新数据目录中生成演示营业厅（员工演示密码会打印出来）
        --throwaway  使用临时数据目录，退出后即删除
        --reader     读卡器地址；演示模式下使用进程内的培训模拟读卡器
                     SPEC: serial:PATH[@BAUD] | hid:VID:PID | pcsc:READER_NAME
                           | lib:mwic:LIBRARY_PATH[:PORT] | lib:dcrf:LIBRARY_PATH[:PORT]
        --idcard     身份证阅读器 idcard:动态库路径[:端口]（厂家的 termb 库，见 docs/install.md）
        --print-dir  file: 打印机只能写入的文件夹（默认数据目录下的 prints；也可用 GASDESK_PRINT_DIR）
  db migrate [--data DIR]             应用数据库迁移 Apply migrations
  db verify  [--data DIR] [--json]    校验业务流水哈希链与数据库完整性 Verify the ledger chain and integrity
  db backup  [--data DIR] [--out FILE]  在线备份数据库 Online backup
  db restore --from FILE [--data DIR]   校验后恢复备份（原库保留）Restore a checked backup

  emulate reader --serial PATH [--baud 9600|115200] [--control-port N] [--key-file FILE]
        在串口上模拟读卡器（控制接口见 docs/emulators.md）Reader emulator on a serial device
  emulate printer --tcp PORT | --serial PATH [--out DIR] [--width 58|80] [--control-port N]
        模拟小票打印机，每张打印完的小票写成 UTF-8 文本文件 Receipt printer emulator
  print test --printer tcp:HOST:PORT|serial:PATH|file:PATH [--width 58|80]
        打印测试页 Print the test page
  card info --reader SPEC [--json]
        读卡诊断：固件、是否有卡、ATR、密码剩余次数、卡内记录（从不校验密码）

  server [--data DIR] [--port N] [--host H]
        总部服务（默认内嵌 PGlite 存于 DIR；设置 DATABASE_URL 时使用 PostgreSQL）Head office server
  server import KIND FILE [--dry-run] [--skip-bad-rows] [--hall CODE] [--encoding utf8|gbk] [--mapping JSON]
        [--save-mapping] [--report FILE] [--request-id ID] [--data DIR] [--json]
        数据迁移：导入 customers|meters|cards|tier_use|balances|inspections|staff（.xlsx/.csv，先试导入）
  server imports [list | show ID | revert ID] [--data DIR] [--json]
        导入批次：列出、查看、撤销（以冲正方式撤销）Import batches
  sync [--data DIR]                         与总部同步一次 Sync with head office once
  sync enroll --server URL --code CODE [--data DIR]  用登记码登记本柜台 Enroll this counter
  sync status [--data DIR] [--json]         同步状态 Sync state
  receipt verify '<QR>' --server URL | --public-key KEY [--json]
        验证收据二维码的签名（--server 用环境变量 GASDESK_ADMIN_TOKEN 的总部管理令牌）
        Verify a receipt's QR signature at head office, or offline against a counter's public key

  --help, -h   显示帮助 Show this help
`;

/** The help of one command: the usage line and its entries (a command's line and the lines indented below). */
export function helpFor(command: string): string | undefined {
  const lines = HELP.split('\n');
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (/^ {2}\S/.test(line)) inside = line.slice(2).split(' ')[0] === command;
    else if (!/^ {4,}\S/.test(line)) inside = false;
    if (inside) out.push(line);
  }
  return out.length ? `${lines.slice(0, 3).join('\n')}\n\n${out.join('\n')}\n` : undefined;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const help = command && (rest.includes('--help') || rest.includes('-h')) ? helpFor(command) : undefined;
  if (help) {
    process.stdout.write(help);
    return 0;
  }
  try {
    switch (command) {
      case 'serve':
        return await serveCommand(rest);
      case 'db':
        return await dbCommand(rest);
      case 'emulate':
        return await emulateCommand(rest);
      case 'card':
        return await cardCommand(rest);
      case 'print':
        return await printCommand(rest);
      case 'server':
        return await serverCommand(rest);
      case 'receipt':
        return await receiptCommand(rest);
      case 'sync':
        return await syncCommand(rest);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(HELP);
        return 0;
      default:
        process.stderr.write(`未知命令 unknown command: ${command}\n\n${HELP}`);
        return 2;
    }
  } catch (e) {
    process.stderr.write(`gasdesk ${command}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
