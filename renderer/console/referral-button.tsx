/**
 * 开工单 for one suspect of the usage analysis: sends the household, its flags and their evidence to its hall
 * as a 核表请求 (POST /admin/halls/:hall/usage-referrals); the hall's counters show it on the clerk's to-do board
 * and open the 工单 from it. One requestId per suspect, kept across retries, so a retry after a lost answer is
 * the same request; shows the request's number once sent, and the counter's work order number once received.
 * Runtime: browser.
 */
import { App, Button, Tag } from 'antd';
import { useRef, useState } from 'react';
import type { usageReferralListSchema } from '../../core/sync/wire-referral';
import type { z } from 'zod';
import { messageOf, post } from './api';

export type Referral = z.infer<typeof usageReferralListSchema>['referrals'][number];

interface Props {
  readonly hallCode: string;
  readonly month: string;
  readonly suspect: { id: string; accountNo: string; flags: readonly { code: string; text: string }[] };
  readonly referral: Referral | undefined;
  readonly mayWrite: boolean;
  readonly onSent: () => void;
}

export function ReferralButton({ hallCode, month, suspect, referral, mayWrite, onSent }: Props) {
  const { message } = App.useApp();
  const requestId = useRef(crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  if (referral)
    return referral.workOrderNo ? (
      <Tag color="green">工单 {referral.workOrderNo}</Tag>
    ) : (
      <Tag color="blue" title={`${referral.no}：已发营业厅，待柜台开工单`}>
        已发营业厅
      </Tag>
    );
  if (!mayWrite) return null;
  const send = async () => {
    setBusy(true);
    try {
      const r = await post<Referral>(`/admin/halls/${hallCode}/usage-referrals`, {
        requestId: requestId.current,
        customerId: suspect.id,
        month,
        flags: suspect.flags,
      });
      message.success(`户号 ${suspect.accountNo} 已发营业厅开工单（${r.no}）`);
      onSent();
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" loading={busy} onClick={send} aria-label={`开工单：户号 ${suspect.accountNo}`}>
      开工单
    </Button>
  );
}
