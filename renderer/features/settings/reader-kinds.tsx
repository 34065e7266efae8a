/**
 * The reader kinds the address can name (core/devices/reader-spec.ts), each a tag that starts the address, the
 * PC/SC readers this machine has (devices.readerNames), and 测试: opens the address once and says what it found
 * (devices.testReader) — no PSC, no write. Runtime: browser.
 */
import { Alert, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import type { OpOutput } from '../../../core/contract';
import { readerKinds } from '../../../core/devices/reader-spec';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useReportError } from '../../shell/errors';

type TestResult = OpOutput<'devices.testReader'>;

export function ReaderKinds(props: { onPick: (spec: string) => void; spec: () => string | undefined }) {
  const t = useT();
  const onError = useReportError();
  const [names, setNames] = useState<string[] | null>(null);
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);

  const test = async () => {
    setTesting(true);
    setResult(null);
    try {
      setResult(await api['devices.testReader']({ spec: (props.spec() ?? '').trim() }));
    } catch (e) {
      onError(e);
    } finally {
      setTesting(false);
    }
  };

  const listPcsc = async () => {
    try {
      const r = await api['devices.readerNames']({});
      setNames(r.pcsc);
    } catch (e) {
      onError(e);
    }
  };

  return (
    <div className="reader-kinds" data-testid="reader-kinds">
      <p>{t.readerSettings.kinds}</p>
      <Space wrap>
        {readerKinds().map((k) => (
          <Tag key={k.prefix} className="mono" onClick={() => props.onPick(`${k.prefix}:`)} title={k.label}>
            {k.syntax}
          </Tag>
        ))}
      </Space>
      <Space wrap className="reader-kinds-actions">
        <Button onClick={() => void listPcsc()}>{t.readerSettings.listPcsc}</Button>
        {names?.map((n) => (
          <Tag key={n} color="blue" onClick={() => props.onPick(`pcsc:${n}`)}>
            {n}
          </Tag>
        ))}
        {names?.length === 0 && <span>{t.readerSettings.noPcsc}</span>}
        <Button loading={testing} onClick={() => void test()} data-testid="reader-test">
          {t.readerSettings.test}
        </Button>
      </Space>
      {result && (
        <Alert
          type={result.ok ? 'success' : 'error'}
          className="form-alert"
          data-testid="reader-test-result"
          title={
            result.ok
              ? t.readerSettings.testOk
                  .replace('{info}', result.info ?? '')
                  .replace('{card}', result.cardPresent ? t.readerSettings.cardIn : t.readerSettings.cardOut)
              : (result.problem ?? '')
          }
        />
      )}
    </div>
  );
}
