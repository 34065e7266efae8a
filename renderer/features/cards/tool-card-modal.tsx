/**
 * 制作工具卡 (cards.makeToolCard, 班长 only): the kind chosen by keyboard (the arrows pick, Enter makes it, Esc
 * cancels) among those the reader's format can make (cards.toolKinds; all four when it cannot say), and made on
 * the blank card in the reader. A refusal (not blank, a kind the reader's format cannot
 * make, no card …) is shown in the dialog in the server's words, so the 班长 can change the card and press Enter
 * again. Runtime: browser.
 */
import { Alert, Form, Radio } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { TOOL_CARD_KINDS, type ToolCardKind } from '../../../core/card/maker-errors';
import { api } from '../../api/client';
import { fmt, useI18n } from '../../i18n';
import { isApiError, useErrorText } from '../../shell/errors';
import { FormModal } from '../../shell/form-modal';
import { useTraining } from './devices';
import type { CardNotice } from './notice';
import { announceReaderChange } from './reader-events';
import { ReaderLine } from './reader-line';

interface Values {
  kind?: ToolCardKind;
}

export function ToolCardModal({ onDone, onCancel }: { onDone(n: CardNotice): void; onCancel(): void }) {
  const { t, lang } = useI18n();
  const training = useTraining();
  const [form] = Form.useForm<Values>();
  const errorText = useErrorText();
  const [kinds, setKinds] = useState<readonly ToolCardKind[]>(TOOL_CARD_KINDS);
  useEffect(() => {
    // Unanswered (no reader, a reader not connected): all four are offered and makeToolCard's refusal speaks.
    api['cards.toolKinds']({}).then(
      (r) => setKinds(r.kinds),
      () => {},
    );
  }, []);
  const [refusal, setRefusal] = useState<{ title: string; detail?: string }>();

  const submit = useCallback(
    async (v: Values) => {
      if (!v.kind) return;
      setRefusal(undefined);
      try {
        const r = await api['cards.makeToolCard']({ kind: v.kind });
        onDone({
          type: 'success',
          title: fmt(t.toolCard.made, { kind: t.toolCard.kinds[r.kind], cardNo: r.cardNo }),
        });
      } catch (e) {
        // The detail (what the card is, which format cannot make the kind) is written in Chinese, for people.
        const detail = lang === 'zh-CN' && isApiError(e) ? e.body.detail : undefined;
        setRefusal({ title: errorText(e), detail });
      } finally {
        announceReaderChange();
      }
    },
    [errorText, lang, onDone, t],
  );

  return (
    <FormModal
      title={t.toolCard.title}
      form={form}
      okText={t.toolCard.ok}
      width={560}
      skipToggles
      focusTrap={!training}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Alert type="info" showIcon className="form-alert" title={t.toolCard.hint} />
      <ReaderLine expect="blank" />
      {refusal && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          role="alert"
          data-testid="tool-card-refusal"
          title={refusal.title}
          description={refusal.detail}
        />
      )}
      <Form.Item
        name="kind"
        label={t.toolCard.kind}
        required
        rules={[{ required: true, message: t.toolCard.kindRequired }]}
      >
        <Radio.Group options={kinds.map((k) => ({ value: k, label: t.toolCard.kinds[k] }))} />
      </Form.Item>
    </FormModal>
  );
}
