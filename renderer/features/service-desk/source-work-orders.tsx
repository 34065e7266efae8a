/**
 * The work orders a record (a complaint, an acceptance, an appointment) opened, each a click from its own
 * record, and — while the record is not closed — the 开工单 button. Runtime: browser.
 */
import { Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { WorkOrder } from '../../../core/contract';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useReportError } from '../../shell/errors';
import { WorkOrderOpenModal, type WorkSourceRef } from './work-order-open-modal';
import { WorkOrderModal, WorkOrderTag } from './work-orders-tab';

export function SourceWorkOrders({ source, canOpen }: { source: WorkSourceRef; canOpen: boolean }) {
  const w = useT().workOrders;
  const report = useReportError();
  const [items, setItems] = useState<WorkOrder[]>([]);
  const [opening, setOpening] = useState(false);
  const [shown, setShown] = useState<WorkOrder>();
  const load = useCallback(async () => {
    try {
      setItems((await api['workOrders.list']({ sourceId: source.id, limit: 50 })).items);
    } catch (e) {
      report(e);
    }
  }, [source.id, report]);
  useEffect(() => void load(), [load]);
  return (
    <div className="source-work-orders" data-testid="source-work-orders">
      {items.length > 0 && (
        <Space direction="vertical" size={2}>
          <Typography.Text strong>{w.fromHere}</Typography.Text>
          {items.map((x) => (
            <Space key={x.id}>
              <Button size="small" type="link" onClick={() => setShown(x)} data-testid={`src-wo-${x.no}`}>
                {x.no}
              </Button>
              {w.kinds[x.kind]}
              <WorkOrderTag w={x} />
              {x.team ? `${w.teams[x.team]} ${x.assignee ?? ''}` : ''}
            </Space>
          ))}
        </Space>
      )}
      {canOpen && (
        <div>
          <Button onClick={() => setOpening(true)} data-testid="open-work-order">
            {w.open}
          </Button>
        </div>
      )}
      {opening && (
        <WorkOrderOpenModal
          source={source}
          onCancel={() => setOpening(false)}
          onDone={() => {
            setOpening(false);
            void load();
          }}
        />
      )}
      {shown && (
        <WorkOrderModal
          order={shown}
          onClose={() => setShown(undefined)}
          onChanged={(x) => {
            setShown(x);
            void load();
          }}
        />
      )}
    </div>
  );
}
