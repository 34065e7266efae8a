/**
 * The quote on screen: each tier slice (档位, 气量, 单价, 金额), this period's tier use (bound and what
 * remains of each tier) and the balance before, used and after. Runtime: browser.
 */
import { Descriptions, Table, type TableColumnsType, Typography } from 'antd';
import type { Quote } from '../../../core/contract';
import { fmt, useT } from '../../i18n';
import { m3, priceText, yuan } from '../../shell/money';
import { balanceView } from './balance-model';

type Slice = Quote['slices'][number];
type Tier = Quote['tiers'][number];

export function QuoteView({ quote, stale }: { quote: Quote; stale: boolean }) {
  // A negative balance is money owed (balance-model.ts); a negative balance used, that debt collected.
  const before = balanceView(quote.balanceBefore);
  const used = balanceView(quote.balanceUsed);
  const t = useT();
  const sliceColumns: TableColumnsType<Slice> = [
    { title: t.sale.tier, dataIndex: 'tier', render: (n: number) => fmt(t.sale.tierN, { n }) },
    { title: t.sale.volume, dataIndex: 'volume', align: 'right', render: (v: number) => m3(v) },
    { title: t.sale.price, dataIndex: 'priceLi', align: 'right', render: (v: number) => priceText(v) },
    { title: t.sale.amount, dataIndex: 'amount', align: 'right', render: (v: number) => yuan(v) },
  ];
  const tierColumns: TableColumnsType<Tier> = [
    { title: t.sale.tier, dataIndex: 'tier', render: (n: number) => fmt(t.sale.tierN, { n }) },
    { title: t.sale.price, dataIndex: 'priceLi', align: 'right', render: (v: number) => priceText(v) },
    {
      title: t.sale.bound,
      dataIndex: 'upTo',
      align: 'right',
      render: (v: number | null) => (v === null ? t.sale.noBound : m3(v)),
    },
    {
      title: t.sale.remaining,
      dataIndex: 'remaining',
      align: 'right',
      render: (v: number | null) => (v === null ? t.sale.noBound : m3(v)),
    },
  ];
  return (
    <div className={stale ? 'quote-view quote-stale' : 'quote-view'} aria-busy={stale}>
      <Typography.Title level={5}>{t.sale.slices}</Typography.Title>
      <div data-testid="quote-slices">
        <Table<Slice>
          size="small"
          rowKey="tier"
          columns={sliceColumns}
          dataSource={quote.slices}
          pagination={false}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t.sale.gasTotal}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {m3(quote.volume)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
              <Table.Summary.Cell index={3} align="right">
                <strong>{yuan(quote.amount)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </div>
      <Typography.Title level={5} className="quote-subtitle">
        {t.sale.tierUse}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="quote-period">
        {fmt(t.sale.periodFrom, { date: quote.periodStart, used: m3(quote.usedInPeriod) })}
      </Typography.Paragraph>
      <div data-testid="quote-tiers">
        <Table<Tier>
          size="small"
          rowKey="tier"
          columns={tierColumns}
          dataSource={quote.tiers}
          pagination={false}
        />
      </div>
      <Descriptions
        className="quote-balance"
        size="small"
        column={3}
        items={[
          {
            key: 'before',
            label: before.owed ? t.sale.owed : t.sale.balanceBefore,
            children: yuan(before.amount),
          },
          {
            key: 'used',
            label: used.owed ? t.sale.debtCollected : t.sale.balanceUsed,
            children: yuan(used.amount),
          },
          {
            key: 'after',
            label: t.sale.balanceAfter,
            children: <span data-testid="balance-after">{yuan(quote.balanceAfter)}</span>,
          },
        ]}
      />
    </div>
  );
}
