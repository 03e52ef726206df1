import { db } from '../db/instance';

/** The settings key of the interface language ('en', 'zh', or absent: the system's). */
export const LANGUAGE_SETTING = 'language';

let answered: { value: string | null } | null = null;

/**
 * The language setting, asked as the app's code runs (main.tsx): the first
 * frame then draws the whole window in its language, instead of drawing
 * nothing until a query asked by that frame's effects has answered.
 */
export function askLanguage(): Promise<string | null> {
  return db.settings.get(LANGUAGE_SETTING).then(
    (s) => (answered = { value: s?.value ?? null }).value,
    () => (answered = { value: null }).value,
  );
}

/** The start's answer if it is in already; undefined otherwise. */
export const languageAtStart = (): string | null | undefined => answered?.value;
