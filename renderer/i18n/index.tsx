/** The i18n module: zh-CN first, English second; the choice is kept in localStorage. Runtime: browser. */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en';
import { type Dict, zhCN } from './zh-cn';

export type Lang = 'zh-CN' | 'en';
export type { Dict };

const DICTS: Record<Lang, Dict> = { 'zh-CN': zhCN, en };
const LANG_KEY = 'gasdesk.lang';

interface I18n {
  readonly lang: Lang;
  readonly t: Dict;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18n>({ lang: 'zh-CN', t: zhCN, setLang: () => {} });

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: DICTS[lang],
      setLang: (l) => {
        setLangState(l);
        try {
          localStorage.setItem(LANG_KEY, l);
        } catch {
          // private mode: the choice lasts for this page only
        }
      },
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** The dictionary of the current language. */
export function useT(): Dict {
  return useContext(I18nContext).t;
}

/** fmt('共 {n} 户', { n: 3 }) → '共 3 户' */
export function fmt(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
