/** The outcome of a card operation, kept on the 燃气卡 section until the next one. Runtime: any. */
export interface CardNotice {
  type: 'success' | 'info' | 'warning';
  title: string;
  lines?: string[];
}

/** What a card dialog on the customer's file needs. */
export interface CardDialogProps {
  customer: { id: string; name: string; accountNo: string };
  onDone(notice: CardNotice): void;
  onCancel(): void;
}
