/** The status bar's reader part: 读卡器：已连接/连接中/未连接/未设置, and 培训模式 in the demo. Runtime: browser. */
import { useT } from '../../i18n';
import { useDevices } from './devices';

export function ReaderStatus() {
  const t = useT();
  const d = useDevices();
  if (!d) return null;
  const r = d.reader;
  const state = r.configured ? r.status : 'none';
  const text = r.configured ? t.reader[r.status] : t.reader.notConfigured;
  return (
    <>
      <span className={`reader-status reader-${state}`} title={r.description} data-testid="reader-status">
        {t.reader.label}
        {text}
      </span>
      {d.training && (
        <span className="training-badge" data-testid="training-badge">
          {t.reader.training}
        </span>
      )}
    </>
  );
}
