/** Every subcommand answers `--help` (and `-h`) with its own usage, exit status 0, instead of "unknown option". */
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main';

const COMMANDS = ['serve', 'db', 'emulate', 'print', 'card', 'server', 'sync', 'receipt'];

async function run(argv: string[]): Promise<{ status: number; out: string }> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    return { status: await main(argv), out };
  } finally {
    write.mockRestore();
  }
}

describe('gasdesk <command> --help', () => {
  for (const command of COMMANDS)
    it(`${command} --help and -h print the command's usage`, async () => {
      for (const flag of ['--help', '-h']) {
        const r = await run([command, flag]);
        expect(r.status).toBe(0);
        expect(r.out).toContain(`  ${command} `);
        expect(
          r.out
            .split('\n')
            .filter((l) => /^ {2}\S/.test(l))
            .every((l) => l.startsWith(`  ${command} `)),
        ).toBe(true);
      }
    });
});
