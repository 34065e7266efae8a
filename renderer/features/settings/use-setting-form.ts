/**
 * A settings card's form: its values loaded once, and a save that shows 已保存 (or the error on the form) and
 * puts back what was stored. `store` answers the values to show, or null when there was nothing to store.
 * Runtime: browser.
 */
import { App as AntApp, Form, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useFormErrors, useReportError } from '../../shell/errors';

export function useSettingForm<V extends object>(
  load: () => Promise<V>,
  store: (v: V) => Promise<V | null>,
): { form: FormInstance<V>; save: (v: V) => Promise<void>; saving: boolean } {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<V>();
  const onError = useFormErrors(form);
  const report = useReportError();
  const [saving, setSaving] = useState(false);
  // The card's own functions, read when called: a new closure each render does not reload or resubscribe.
  const io = useRef({ load, store });
  io.current = { load, store };

  useEffect(() => {
    io.current
      .load()
      .then((v) => form.setFieldsValue(v as Parameters<typeof form.setFieldsValue>[0]))
      .catch(report);
  }, [form, report]);

  const save = useCallback(
    async (v: V) => {
      setSaving(true);
      try {
        const shown = await io.current.store(v);
        if (shown === null) return;
        form.setFieldsValue(shown as Parameters<typeof form.setFieldsValue>[0]);
        message.success(t.settings.saved);
      } catch (e) {
        onError(e);
      } finally {
        setSaving(false);
      }
    },
    [form, message, onError, t],
  );
  return { form, save, saving };
}
