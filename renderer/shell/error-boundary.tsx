/**
 * A page that fails while drawing shows a polite sentence and a way back — never a stack trace or the
 * error's text. Going to another page starts afresh. Runtime: browser.
 */
import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useT } from '../i18n';

function Fallback({ onBack }: { onBack(): void }) {
  const t = useT();
  return (
    <Result
      status="warning"
      title={t.errors.unexpected}
      extra={
        <Button type="primary" autoFocus onClick={onBack}>
          {t.detail.back}
        </Button>
      }
    />
  );
}

interface Props {
  onBack(): void;
  children: ReactNode;
}

export class PageErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Fallback
        onBack={() => {
          this.setState({ failed: false });
          this.props.onBack();
        }}
      />
    );
  }
}
