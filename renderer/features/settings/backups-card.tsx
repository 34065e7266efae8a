/**
 * 数据备份 (supervisor, admin): the backups on this PC with time and size (backups.list), and 立即备份
 * (backups.run: an online, checked copy — it can take a while, so it shows its progress). Runtime: browser.
 */
import { App as AntApp, Button, Card, Spin, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { OpOutput } from '../../../core/contract';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { formatBytes, formatDateTime } from '../../shell/format';

type Backup = OpOutput<'backups.list'>['items'][number];

export function BackupsCard() {
  const t = useT();
  const { message } = AntApp.useApp();
  const report = useReportError();
  const [items, setItems] = useState<Backup[]>();
  const [running, setRunning] = useState(false);

  const load = useCallback(async () => {
    try {
      const r = await api['backups.list']({});
      setItems([...r.items].sort((a, b) => b.at.localeCompare(a.at)));
    } catch (e) {
      setItems([]);
      report(e);
    }
  }, [report]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async () => {
    setRunning(true);
    try {
      const b = await api['backups.run']({});
      message.success(fmt(t.backups.done, { file: b.file, size: formatBytes(b.bytes) }));
      await load();
    } catch (e) {
      report(e);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card size="small" title={t.backups.title} className="form-section" data-testid="backups-card">
      <Typography.Paragraph type="secondary">{t.backups.hint}</Typography.Paragraph>
      <Button type="primary" loading={running} onClick={() => void run()} data-testid="backup-now">
        {t.backups.run}
      </Button>
      <Spin spinning={running || !items} description={running ? t.backups.running : undefined}>
        <Table<Backup>
          className="backups-table"
          size="small"
          rowKey="file"
          pagination={false}
          dataSource={items?.slice(0, 10) ?? []}
          locale={{ emptyText: t.backups.empty }}
          columns={[
            {
              title: t.backups.file,
              dataIndex: 'file',
              render: (v: string) => <span className="mono">{v}</span>,
            },
            { title: t.backups.at, dataIndex: 'at', render: (v: string) => formatDateTime(v) },
            {
              title: t.backups.size,
              dataIndex: 'bytes',
              align: 'right',
              render: (v: number) => formatBytes(v),
            },
          ]}
        />
      </Spin>
    </Card>
  );
}
