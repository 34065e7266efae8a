/**
 * 表具故障登记簿: the faulty-meter register — the latest entries, or one meter's (its number, then Enter): the
 * fault, the day, what was done and the work order whose result registered it. Runtime: browser.
 */
import { Card, Input, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MeterFaultView } from '../../../core/contract';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useReportError } from '../../shell/errors';

export function MeterFaultsCard() {
  const w = useT().workOrders;
  const report = useReportError();
  const [meterNo, setMeterNo] = useState('');
  const [items, setItems] = useState<MeterFaultView[]>([]);
  const load = useCallback(
    async (no: string) => {
      try {
        setItems((await api['meterFaults.list']({ meterNo: no.trim() || undefined, limit: 50 })).items);
      } catch (e) {
        report(e);
      }
    },
    [report],
  );
  useEffect(() => void load(''), [load]);
  return (
    <Card
      size="small"
      title={w.faultsTitle}
      extra={
        <Input.Search
          id="fault-meter"
          aria-label={w.faultsMeter}
          placeholder={w.faultsMeter}
          allowClear
          value={meterNo}
          onChange={(e) => setMeterNo(e.target.value)}
          onSearch={(v) => void load(v)}
          style={{ width: 240 }}
        />
      }
    >
      <Table<MeterFaultView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: w.noFaults }}
        data-testid="meter-faults"
        columns={[
          { title: w.meterNo.replace(/（.*）/, ''), dataIndex: 'meterNo', width: 160 },
          { title: w.fault.replace(/（.*）/, ''), render: (_, f) => w.faults[f.fault], width: 120 },
          { title: w.faultAction, render: (_, f) => w.faultActions[f.action], width: 110 },
          { title: w.faultDate, dataIndex: 'date', width: 110 },
          { title: w.no, dataIndex: 'workOrderNo', width: 180 },
          { title: w.faultNote, dataIndex: 'note' },
        ]}
      />
    </Card>
  );
}
