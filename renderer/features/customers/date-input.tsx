/** A date typed as 年-月-日 (the contract's ISO date), quick to key in at the counter. Runtime: browser. */
import { Input, type InputProps } from 'antd';
import { useT } from '../../i18n';

export function DateInput(props: InputProps) {
  const t = useT();
  return (
    <Input
      placeholder={t.open.datePlaceholder}
      maxLength={10}
      inputMode="numeric"
      autoComplete="off"
      {...props}
    />
  );
}
