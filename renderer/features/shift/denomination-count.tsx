/** 按面额清点: 面额 × 张数 → 小计 for each banknote and coin; the total goes to 实点现金. */
import { Form, Input, Table, type TableColumnsType } from 'antd';
import { DENOMINATIONS } from '../../../core/domain/cash';
import { useT } from '../../i18n';
import { yuan } from '../../shell/money';
import { denominationLabel, denominationTotal, type Pieces, piecesOf } from './denomination-model';

interface Row {
  value: number;
}

export function DenominationCount({ onTotal }: { onTotal(total: number): void }) {
  const t = useT();
  const form = Form.useFormInstance();
  const pieces: Pieces | undefined = Form.useWatch('pieces', form);
  const columns: TableColumnsType<Row> = [
    { title: t.shift.denomination, dataIndex: 'value', render: (v: number) => denominationLabel(t, v) },
    {
      title: t.shift.pieces,
      width: 140,
      render: (_v, r) => (
        <Form.Item
          name={['pieces', String(r.value)]}
          noStyle
          rules={[
            {
              validator: async (_rule, v: string | undefined) => {
                if (piecesOf(v) === undefined) throw new Error(t.shift.badPieces);
              },
            },
          ]}
        >
          <Input
            aria-label={`${denominationLabel(t, r.value)} ${t.shift.pieces}`}
            inputMode="numeric"
            autoComplete="off"
            onChange={() => window.setTimeout(() => onTotal(denominationTotal(form.getFieldValue('pieces'))))}
          />
        </Form.Item>
      ),
    },
    {
      title: t.shift.subtotal,
      align: 'right',
      render: (_v, r) => yuan(r.value * (piecesOf(pieces?.[r.value]) ?? 0)),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="value"
      columns={columns}
      dataSource={DENOMINATIONS.map((value) => ({ value }))}
      pagination={false}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t.shift.denomTotal}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} />
          <Table.Summary.Cell index={2} align="right">
            <strong>{yuan(denominationTotal(pieces))}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
