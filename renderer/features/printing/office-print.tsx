/**
 * 办公打印机 / 存为 PDF: a receipt or report on an ordinary office printer (A4 or whatever the hall has), for
 * a customer who asks for a copy or an office that files reports. Under the desktop shell the main process
 * prints the contract's HTML from a hidden window (system dialog) or saves it as PDF; in a browser the same
 * HTML goes to a hidden, script-less frame and the browser's print dialog (which also offers PDF).
 * Runtime: browser.
 */
import { Button, message, Space } from 'antd';
import { useState } from 'react';
import { api, getSessionId } from '../../api/client';
import { useT } from '../../i18n';
import { useErrorText } from '../../shell/errors';

export interface OfficeDoc {
  kind: 'sale' | 'shift' | 'day' | 'acceptance' | 'teamDay' | 'hazard';
  id: string;
}

interface PrintBridge {
  print(
    req: OfficeDoc & { toPdf?: boolean },
    sessionId: string | undefined,
  ): Promise<
    { ok: true; result: { printed: boolean; pdfPath?: string } } | { ok: false; error: { message: string } }
  >;
}

function browserPrint(html: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;left:-9999px';
  frame.onload = () => {
    frame.contentWindow?.print();
    window.setTimeout(() => frame.remove(), 60_000);
  };
  frame.srcdoc = html;
  document.body.appendChild(frame);
}

export function OfficePrintButtons({ doc }: { doc: OfficeDoc }) {
  const t = useT();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const bridge = (window as { gasdesk?: Partial<PrintBridge> }).gasdesk;
  const shell = typeof bridge?.print === 'function' ? (bridge as PrintBridge) : undefined;

  const run = async (toPdf: boolean) => {
    if (busy) return;
    setBusy(true);
    try {
      if (shell) {
        const r = await shell.print({ ...doc, toPdf }, getSessionId());
        if (!r.ok) message.error(r.error.message);
        else if (r.result.pdfPath) message.success(`${t.office.saved}${r.result.pdfPath}`);
      } else {
        browserPrint((await api['receipts.html'](doc)).html);
      }
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size="small" className="office-print">
      <Button size="small" loading={busy} onClick={() => void run(false)} data-testid="office-print">
        {t.office.print}
      </Button>
      {shell && (
        <Button size="small" disabled={busy} onClick={() => void run(true)} data-testid="office-pdf">
          {t.office.pdf}
        </Button>
      )}
    </Space>
  );
}
