/** "Type the password again" rule. Runtime: browser. */
import type { FormRule } from 'antd';

export function sameAs(field: string, message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_r, value: unknown) => {
      if (value !== getFieldValue(field)) throw new Error(message);
    },
  });
}
