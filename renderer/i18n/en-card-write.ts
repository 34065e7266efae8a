/** English: card-write reasons and next steps, supervisor approval to retry, paid but not on a card, training faults (part of en.ts). */
import type { cardWriteZh } from './zh-cn-card-write';

export const cardWriteEn: typeof cardWriteZh = {
  cardWrite: {
    approvalTitle: 'Supervisor approval: try the card PSC once more',
    approvalHint:
      'This card refused its PSC before; the program stopped writing it. A supervisor checks the card is the customer’s own and one of ours, then enters their user name and password to allow one more try (it uses one PSC try).',
    approvalOk: 'Approve and write',
    saleApproval:
      'This card refused its PSC before: a supervisor must check it and approve below to try once more; otherwise issue a replacement card.',
    unsettledTitle: 'This customer has {n} paid purchase(s) whose gas is not on a card',
    unsettledHint: 'Deal with them first: write the card with the customer’s card in the reader, or refund.',
    unsettledLine: 'Receipt {receiptNo} ({date}) {amount}: {status}',
    refund: 'Refund',
    report: 'Paid, not on a card',
    reportNone: 'No paid purchase is waiting for its card.',
    reportSummary: '{n}, {amount} in all: write the card or refund',
    reportReceipt: 'Receipt',
    reportCustomer: 'Customer',
    reportAmount: 'Amount',
    reportStatus: 'Status',
    closeDayUnsettled:
      'This business day has {n} paid purchase(s) whose gas is not on a card, {amount} in all (receipts {receipts}). Write the cards or refund before the close; after it they stay listed on the day report until written or refunded.',
  },
  trainingFaults: {
    title: 'Faults',
    lastTry: '1 PSC try left',
    wrongPsc: 'Wrong PSC',
    pull: 'Pull card on write',
  },
};
