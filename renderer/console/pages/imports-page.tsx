/**
 * 数据导入 (administrators only): a file (.xlsx or .csv) of one kind is first tried (试导入: every row checked,
 * nothing written) and its problems listed; then imported (导入, optionally skipping the bad rows), which
 * makes a batch; the batches are listed, each shown with what it did and the rows it skipped, and one may be
 * reverted (撤销: correcting entries, nothing deleted). The bigger files go through `gasdesk server import`.
 * Runtime: browser.
 */
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import {
  IMPORT_KINDS,
  type ImportKind,
  type importBatchSchema,
  type importDryRunSchema,
  KIND_ZH,
} from '../../../core/sync/wire-import';
import { get, messageOf, post } from '../api';
import type { Me } from '../console-app';
import { HallSelect } from '../hall-select';
import { useLoad } from '../use-load';

type Batch = z.infer<typeof importBatchSchema>;
type DryRun = z.infer<typeof importDryRunSchema>;
const STATUS: Record<Batch['status'], { text: string; color: string }> = {
  running: { text: '进行中', color: 'gold' },
  done: { text: '已完成', color: 'green' },
  reverted: { text: '已撤销', color: 'default' },
};
/** A batch's kind in words: a revert batch undoes the one it names. */
const kindOf = (b: Batch) => (b.kind === 'revert' ? '撤销导入' : (KIND_ZH[b.kind as ImportKind] ?? b.kind));
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function Issues({ issues }: { issues: DryRun['issues'] }) {
  return (
    <Table
      rowKey={(i) => `${i.rowNo}-${i.column}-${i.code}`}
      size="small"
      aria-label="错误明细"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={issues}
      columns={[
        { title: '行', dataIndex: 'rowNo' },
        { title: '列', dataIndex: 'column' },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}

export function ImportsPage({ me }: { me: Me }) {
  const { modal } = App.useApp();
  const load = useCallback(async () => (await get<{ batches: Batch[] }>('/admin/imports')).batches, []);
  const { data, error, loading, reload } = useLoad(load);
  const [kind, setKind] = useState<ImportKind>('customers');
  const [hall, setHall] = useState<string>();
  const [file, setFile] = useState<File>();
  const [skipBadRows, setSkip] = useState(false);
  const [tried, setTried] = useState<DryRun>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Batch>();

  const send = async (run: boolean) => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const body = {
        kind,
        hallCode: hall,
        fileName: file.name,
        contentBase64: await base64(file),
        skipBadRows,
      };
      if (run) {
        setShown(await post<Batch>('/admin/imports', body));
        setTried(undefined);
        await reload();
      } else setTried(await post<DryRun>('/admin/imports/dry-run', body));
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const revert = async (b: Batch) => {
    try {
      setShown(await post<Batch>(`/admin/imports/${b.id}/revert`));
    } catch (e) {
      setProblem(messageOf(e));
    }
    await reload();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {(error ?? problem) && <Alert type="error" showIcon role="alert" title={error ?? problem} />}
      <Space wrap>
        <Select
          aria-label="导入类别"
          style={{ width: 180 }}
          value={kind}
          onChange={setKind}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: KIND_ZH[k] }))}
        />
        <HallSelect me={me} value={hall} onChange={setHall} />
        <input
          type="file"
          aria-label="导入文件"
          accept=".xlsx,.csv,.txt"
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            setTried(undefined);
          }}
        />
        <Checkbox checked={skipBadRows} onChange={(e) => setSkip(e.target.checked)}>
          跳过错误行
        </Checkbox>
        <Button disabled={!file} loading={busy} onClick={() => void send(false)}>
          试导入
        </Button>
        <Button type="primary" disabled={!tried} loading={busy} onClick={() => void send(true)}>
          导入
        </Button>
      </Space>
      {tried && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="dry-run">
          <Typography.Text>
            {tried.fileName}：共 {tried.rows} 行，可导入 {tried.valid} 行（新建 {tried.wouldCreate}，修改{' '}
            {tried.wouldUpdate}，不变 {tried.unchanged}），错误 {tried.badRows} 行
          </Typography.Text>
          {tried.issues.length > 0 && <Issues issues={tried.issues} />}
        </Space>
      )}
      <Table<Batch>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        aria-label="导入批次"
        dataSource={data}
        columns={[
          { title: '时间', render: (_, b) => when(b.createdAt) },
          { title: '类别', render: (_, b) => kindOf(b) },
          { title: '文件', dataIndex: 'fileName' },
          { title: '行数', dataIndex: 'rowsDone' },
          {
            title: '状态',
            render: (_, b) => <Tag color={STATUS[b.status].color}>{STATUS[b.status].text}</Tag>,
          },
          {
            title: '操作',
            render: (_, b) => (
              <Space>
                <Button size="small" onClick={() => setShown(b)}>
                  查看
                </Button>
                {b.status === 'done' && b.kind !== 'revert' && (
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      modal.confirm({
                        title: `撤销导入批次 ${b.fileName}？`,
                        content: '以更正记录撤销：新建的档案销户、卡挂失、表拆除、人员停用，改动的恢复原值。',
                        okText: '撤销',
                        cancelText: '取消',
                        okButtonProps: { danger: true },
                        onOk: () => revert(b),
                      })
                    }
                  >
                    撤销
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {shown && (
        <Modal
          open
          title={`导入批次 ${shown.fileName}`}
          footer={null}
          onCancel={() => setShown(undefined)}
          width={720}
        >
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="类别">{kindOf(shown)}</Descriptions.Item>
            <Descriptions.Item label="状态">{STATUS[shown.status].text}</Descriptions.Item>
            <Descriptions.Item label="开始">{when(shown.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="完成">{when(shown.finishedAt)}</Descriptions.Item>
            {Object.entries(shown.summary).map(([k, v]) => (
              <Descriptions.Item key={k} label={SUMMARY_ZH[k] ?? k}>
                {v}
              </Descriptions.Item>
            ))}
          </Descriptions>
          {shown.skipped.length > 0 && <Issues issues={shown.skipped} />}
        </Modal>
      )}
    </Space>
  );
}

const SUMMARY_ZH: Record<string, string> = {
  rows: '行数',
  created: '新建',
  updated: '修改',
  unchanged: '不变',
  skipped: '跳过',
  reverted: '撤销',
};
