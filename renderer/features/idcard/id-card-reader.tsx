/**
 * 读身份证 on a form: a button (and F10 while the form shows) reads the card on the resident-ID reader
 * (idcard.read), hands the card to the form to fill, and shows what the card says beside it — the photo to
 * compare with the person at the counter (shown, never kept unless the company enables it), the validity with a
 * warning when the card has expired, and any reader problem in the clerk's words. Runtime: browser.
 */
import { Alert, Button, Card, Descriptions, Space } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpOutput } from '../../../core/contract';

type IdCard = OpOutput<'idcard.read'>;
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { isApiError, useErrorText } from '../../shell/errors';

export interface IdCardRead {
  readonly card: IdCard | null;
  readonly busy: boolean;
  readonly problem: string | null;
  read(): Promise<void>;
}

/** Reads on demand and on F10 (while `enabled`); `onCard` fills the form. */
export function useIdCardRead(onCard: (card: IdCard) => void, enabled = true): IdCardRead {
  const [card, setCard] = useState<IdCard | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const errorText = useErrorText();
  const busyRef = useRef(false);
  const fill = useRef(onCard);
  fill.current = onCard;

  const read = useCallback(async () => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setProblem(null);
    try {
      const c = await api['idcard.read']({});
      setCard(c);
      fill.current(c);
    } catch (e) {
      setCard(null);
      const detail = isApiError(e, 'IDCARD_DATA_INVALID') ? e.body.detail : undefined;
      setProblem(detail ? `${errorText(e)}（${detail}）` : errorText(e));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [errorText]);

  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F10' || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
      e.preventDefault();
      void read();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [read, enabled]);

  return { card, busy, problem, read };
}

export function IdCardButton({ reader }: { reader: IdCardRead }) {
  const t = useT();
  return (
    <Button onClick={() => void reader.read()} loading={reader.busy} data-testid="idcard-read">
      {t.idCard.readKey}
    </Button>
  );
}

/** What the card says, its photo and its validity; or why it could not be read. */
export function IdCardPanel({ reader }: { reader: IdCardRead }) {
  const t = useT();
  const { card, problem } = reader;
  if (problem)
    return (
      <Alert type="error" showIcon className="form-alert" title={problem} data-testid="idcard-problem" />
    );
  if (!card) return null;
  const until = card.validUntil ?? t.idCard.longTerm;
  return (
    <Card size="small" title={t.idCard.panelTitle} className="form-section" data-testid="idcard-panel">
      {card.expired && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t.idCard.expiredTitle}
          description={fmt(t.idCard.expired, { date: card.validUntil ?? '' })}
          data-testid="idcard-expired"
        />
      )}
      <Space align="start" size="large">
        {card.photo && (
          <figure className="idcard-photo">
            <img
              src={card.photo}
              alt={t.idCard.photoAlt}
              width={102}
              height={126}
              data-testid="idcard-photo"
            />
            <figcaption>{card.storePhoto ? t.idCard.photoStored : t.idCard.photoNotStored}</figcaption>
          </figure>
        )}
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t.idCard.name}>{card.name}</Descriptions.Item>
          <Descriptions.Item label={t.idCard.sex}>{card.sex}</Descriptions.Item>
          <Descriptions.Item label={t.idCard.ethnicity}>{card.ethnicity}</Descriptions.Item>
          <Descriptions.Item label={t.idCard.birthDate}>{card.birthDate}</Descriptions.Item>
          <Descriptions.Item label={t.idCard.idNumber} span={2}>
            <span className="mono">{card.idNumber}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.idCard.address} span={2}>
            {card.address}
          </Descriptions.Item>
          <Descriptions.Item label={t.idCard.issuer}>{card.issuer}</Descriptions.Item>
          <Descriptions.Item label={t.idCard.validity}>
            {card.validFrom} – {until}
          </Descriptions.Item>
        </Descriptions>
      </Space>
    </Card>
  );
}
