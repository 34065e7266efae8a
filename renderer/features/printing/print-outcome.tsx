/** How the last print went, in one line: 正在打印 / 打印成功 (重打, 纸将尽) / the printer's message. */
import { Alert, Spin } from 'antd';
import { fmt, useT } from '../../i18n';
import type { PrintState } from './use-receipt-print';

export function PrintOutcome({ state, idleHint = false }: { state: PrintState; idleHint?: boolean }) {
  const t = useT();
  const common = { showIcon: true, className: 'print-outcome', 'data-testid': 'print-status' } as const;
  switch (state.kind) {
    case 'idle':
      return idleHint ? <Alert {...common} type="info" title={t.print.notPrinted} /> : null;
    case 'printing':
      return <Alert {...common} type="info" icon={<Spin size="small" />} title={t.print.printing} />;
    case 'failed':
      return <Alert {...common} type="error" role="alert" title={state.message} />;
    case 'printed': {
      const title = state.reprint ? fmt(t.print.printedCopy, { n: state.copyNo - 1 }) : t.print.printed;
      return state.paperNearEnd ? (
        <Alert {...common} type="warning" title={title} description={t.print.nearEnd} />
      ) : (
        <Alert {...common} type="success" title={title} />
      );
    }
  }
}
