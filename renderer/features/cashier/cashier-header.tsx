/** The cashier's two counters on one screen: 购气 (F2) and 收费项目 (F6). Runtime: browser. */
import { Button, Space, Typography } from 'antd';
import { useT } from '../../i18n';
import { useNav } from '../../shell/nav';

export function CashierHeader({ active }: { active: 'sale' | 'fees' }) {
  const t = useT();
  const nav = useNav();
  return (
    <Space className="page-header" align="baseline" wrap>
      <Typography.Title level={3}>{active === 'sale' ? t.sale.title : t.fees.title}</Typography.Title>
      <Space.Compact>
        <Button
          type={active === 'sale' ? 'primary' : 'default'}
          aria-pressed={active === 'sale'}
          aria-keyshortcuts="F2"
          onClick={() => nav.go({ name: 'sale' })}
        >
          {t.sale.tabGas}
        </Button>
        <Button
          type={active === 'fees' ? 'primary' : 'default'}
          aria-pressed={active === 'fees'}
          aria-keyshortcuts="F6"
          onClick={() => nav.go({ name: 'fees' })}
        >
          {t.sale.tabFees}
        </Button>
      </Space.Compact>
    </Space>
  );
}
