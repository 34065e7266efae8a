/** Every field of a customer's file, as antd Descriptions. Runtime: browser. */
import { Button, Descriptions, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import type { Customer } from '../../../core/contract';
import { maskIdNumber } from '../../../core/domain/customer';
import { fmt, useT } from '../../i18n';
import { formatDateTime } from '../../shell/format';
import { StatusTag } from './status-tag';
import { useNarrow } from '../../shell/narrow';

export function CustomerInfo({ customer: c }: { customer: Customer }) {
  const t = useT();
  const [showId, setShowId] = useState(false);
  const none = t.common.none;
  const idNumber = c.idNumber ? (
    <span>
      <span className="mono">{showId ? c.idNumber : maskIdNumber(c.idNumber)}</span>{' '}
      <Button type="link" size="small" onClick={() => setShowId((v) => !v)}>
        {showId ? t.detail.hideId : t.detail.showId}
      </Button>
    </span>
  ) : (
    none
  );
  // Beside the training panel or in a narrow window: fewer pairs a row, so that no column is pushed off the side.
  const columns = 3 - useNarrow();
  const items: DescriptionsProps['items'] = [
    { key: 'accountNo', label: t.fields.accountNo, children: <span className="mono">{c.accountNo}</span> },
    { key: 'name', label: t.fields.name, children: c.name },
    { key: 'status', label: t.fields.status, children: <StatusTag status={c.status} /> },
    { key: 'userClass', label: t.fields.userClass, children: t.userClasses[c.userClass] },
    { key: 'idNumber', label: t.fields.idNumber, children: idNumber },
    { key: 'creditCode', label: t.fields.creditCode, children: c.creditCode ?? none },
    { key: 'phone', label: t.fields.phone, children: <span className="nowrap">{c.phone}</span> },
    {
      key: 'altPhone',
      label: t.fields.altPhone,
      children: c.altPhone ? <span className="nowrap">{c.altPhone}</span> : none,
    },
    {
      key: 'householdSize',
      label: t.fields.householdSize,
      children: fmt(t.detail.persons, { n: c.householdSize }),
    },
    { key: 'address', label: t.fields.address, span: columns, children: c.fullAddress },
    {
      key: 'inspectionStatus',
      label: t.fields.inspectionStatus,
      children: t.inspectionStatuses[c.inspection.status],
    },
    {
      key: 'inspectionDate',
      label: t.fields.inspectionDate,
      children: c.inspection.date ? <span className="nowrap">{c.inspection.date}</span> : none,
    },
    { key: 'contractNo', label: t.fields.contractNo, children: c.contract.no },
    {
      key: 'contractSignedOn',
      label: t.fields.contractSignedOn,
      children: <span className="nowrap">{c.contract.signedOn}</span>,
    },
    { key: 'invoiceNo', label: t.fields.invoiceNo, children: c.documents.connectionFeeInvoiceNo },
    {
      key: 'registrationForm',
      label: t.fields.documents,
      children: c.documents.registrationFormChecked ? `✓ ${t.fields.registrationForm}` : none,
    },
    {
      key: 'openedAt',
      label: t.fields.openedAt,
      children: <span className="nowrap">{formatDateTime(c.openedAt)}</span>,
    },
    {
      key: 'statusChangedAt',
      label: t.fields.statusChangedAt,
      children: <span className="nowrap">{formatDateTime(c.statusChangedAt)}</span>,
    },
    {
      key: 'closedAt',
      label: t.fields.closedAt,
      children: c.closedAt ? <span className="nowrap">{formatDateTime(c.closedAt)}</span> : none,
    },
    { key: 'notes', label: t.fields.notes, span: columns, children: c.notes ?? none },
  ];
  return <Descriptions className="customer-info" bordered size="small" column={columns} items={items} />;
}
