/**
 * Who came or called, for an acceptance or a complaint: a customer of the file picked with the cashier's
 * customer box, or — Enter on the empty box — a prospective customer's name, phone and address. Runtime: browser.
 */
import { Button, Form, Input, Space, Typography } from 'antd';
import type { CustomerSummary } from '../../../core/contract';
import { fmt, useT } from '../../i18n';
import { CustomerPicker } from '../cashier/customer-picker';

interface Props {
  idPrefix: string;
  customer: CustomerSummary | null;
  /** false: the box is still asked; true: a new customer's fields are shown. */
  prospective: boolean;
  focusTick: number;
  onPick(c: CustomerSummary | null): void;
  onProspective(): void;
}

const blank = (s?: string) => (s?.trim() ? s : undefined);

/** Who a record is for, as its operation takes it: the customer picked, or the prospective customer's fields. */
export function partyOf(
  customer: CustomerSummary | null,
  v: { name?: string; phone?: string; address?: string },
): { customerId: string } | { name?: string; phone?: string; address?: string } {
  return customer
    ? { customerId: customer.id }
    : { name: blank(v.name), phone: blank(v.phone), address: blank(v.address) };
}

/** The customer box, or the customer picked (the prospective fields are in the form: ProspectiveFields). */

export function PartyFields({ idPrefix, customer, prospective, focusTick, onPick, onProspective }: Props) {
  const t = useT();
  const s = t.service;
  if (customer)
    return (
      <Space className="party-picked">
        <Typography.Text strong data-testid={`${idPrefix}-customer`}>
          {fmt(s.picked, { name: customer.name, accountNo: customer.accountNo })}
        </Typography.Text>
        <Button size="small" onClick={() => onPick(null)}>
          {s.clearCustomer}
        </Button>
      </Space>
    );
  if (!prospective)
    return (
      <CustomerPicker
        id={`${idPrefix}-find`}
        label={s.customer}
        focusTick={focusTick}
        onPick={onPick}
        onSkip={onProspective}
      />
    );
  return null;
}

/** A prospective customer's fields, inside the record's own form (shown after Enter on the empty box). */
export function ProspectiveFields({ idPrefix }: { idPrefix: string }) {
  const s = useT().service;
  return (
    <Space.Compact block>
      <Form.Item name="name" htmlFor={`${idPrefix}-name`} label={s.name} required className="party-name">
        <Input id={`${idPrefix}-name`} autoFocus autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" htmlFor={`${idPrefix}-phone`} label={s.phone} required className="party-phone">
        <Input id={`${idPrefix}-phone`} autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" htmlFor={`${idPrefix}-address`} label={s.address} className="party-address">
        <Input id={`${idPrefix}-address`} autoComplete="off" />
      </Form.Item>
    </Space.Compact>
  );
}
