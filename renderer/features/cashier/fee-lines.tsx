/** 收费项目 with a quantity each (blank = not charged), subtotals and the total. Inside the fee form. */
import { Form, Input, Table, type TableColumnsType } from 'antd';
import type { FeeItem } from '../../../core/contract';
import { useT } from '../../i18n';
import { yuan } from '../../shell/money';
import { qtyOf } from './fee-model';

export function FeeLines({ items }: { items: FeeItem[] }) {
  const t = useT();
  const form = Form.useFormInstance();
  const qty: Record<string, string> | undefined = Form.useWatch('qty', form);
  // The cashier sees the items by their Chinese names only: the catalogue's codes (METER_CHANGE …) are the
  // administrator's (收费项目 page).
  const columns: TableColumnsType<FeeItem> = [
    { title: t.fees.name, dataIndex: 'name' },
    { title: t.fees.unitPrice, dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
    {
      title: t.fees.qty,
      width: 150,
      render: (_v, item) => (
        // Not noStyle: a refused quantity says so under the field (with the allowed range), and nothing
        // typed is cut (no maxLength: 1000 stays 1000 and is refused, not turned into 100).
        <Form.Item
          name={['qty', item.id]}
          className="fee-qty"
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                if (qtyOf(value) === undefined) throw new Error(t.fees.badQty);
              },
            },
          ]}
        >
          <Input aria-label={`${item.name} ${t.fees.qty}`} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      ),
    },
    {
      title: t.fees.subtotal,
      align: 'right',
      render: (_v, item) => {
        const n = qtyOf(qty?.[item.id]) ?? 0;
        return n > 0 ? yuan(item.amountFen * n) : t.common.none;
      },
    },
  ];
  return (
    <div data-testid="fee-lines">
      <Table<FeeItem>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t.fees.none }}
      />
    </div>
  );
}
