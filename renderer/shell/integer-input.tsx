/**
 * A whole-number field that never changes what was typed: antd's InputNumber rounds 2.5 to 3 on blur (with
 * `precision`), clamps to min/max and drops letters without a word. Here the text stays as typed; a number
 * goes to the form as a number and anything else as its text, so that the field's rule refuses it at the
 * field, naming the allowed range. Runtime: browser.
 */
import { Input, type InputProps } from 'antd';

type Props = Omit<InputProps, 'value' | 'onChange'> & {
  value?: number | string | null;
  onChange?(value: number | string | undefined): void;
};

/** '' → undefined; '12' → 12; '2.5' → 2.5 (refused by an integer rule); '3a' → '3a' (refused as text). */
export function numberOrText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
}

export function IntegerInput({ value, onChange, ...rest }: Props) {
  return (
    <Input
      inputMode="numeric"
      autoComplete="off"
      {...rest}
      value={value == null ? '' : String(value)}
      onChange={(e) => onChange?.(numberOrText(e.target.value))}
    />
  );
}
