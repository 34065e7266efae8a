/** 中文 / English switch. Runtime: browser. */
import { Segmented } from 'antd';
import { type Lang, useI18n } from '../i18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      aria-label={t.lang.label}
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: t.lang.zh, value: 'zh-CN' },
        { label: t.lang.en, value: 'en' },
      ]}
    />
  );
}
