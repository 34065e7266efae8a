/** A figure the cashier and the customer must not misread: large, with ￥ and optionally 大写. Runtime: browser. */
import { toChineseCapitals } from '../../core/capitals';
import { useT } from '../i18n';
import { yuan } from './money';

interface Props {
  label: string;
  fen: number;
  /** Also show the amount in Chinese capitals (大写). */
  capitals?: boolean;
  tone?: 'normal' | 'good' | 'bad' | 'muted';
  testId?: string;
}

export function BigAmount({ label, fen, capitals, tone = 'normal', testId }: Props) {
  const t = useT();
  return (
    <div className={`big-amount big-amount-${tone}`} data-testid={testId}>
      <div className="big-amount-label">{label}</div>
      <div className="big-amount-value" aria-live="polite">
        {yuan(fen)}
      </div>
      {capitals && (
        <div className="big-amount-capitals">
          {t.money.capitals}
          {toChineseCapitals(fen)}
        </div>
      )}
    </div>
  );
}
