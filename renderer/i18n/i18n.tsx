import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en, format, zh, type Language, type StringKey } from './strings';

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  t: Translate;
}

const I18nContext = createContext<I18n>({ language: 'en', t: (k, v) => format(en[k], v) });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const table = language === 'zh' ? zh : en;
    return { language, t: (key, values) => format(table[key], values) };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
