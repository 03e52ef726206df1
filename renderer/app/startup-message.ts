import { en, format, systemLanguage, zh, type StringKey } from '../i18n/strings';

/**
 * Shown in place of the app when its library cannot be opened yet (another
 * window blocks an upgrade) or at all. Plain DOM: React has not started, and
 * the language setting lives in the very database that cannot be read.
 */
export function showStartupMessage(
  key: Extract<StringKey, 'dbBlocked' | 'dbOpenFailed'>,
  detail = '',
): void {
  const root = document.getElementById('root');
  if (!root) return;
  const strings = systemLanguage(navigator.languages) === 'zh' ? zh : en;
  const box = document.createElement('div');
  box.className = 'startup-message';
  box.setAttribute('role', 'alert');
  box.textContent = format(strings[key], { detail });
  root.replaceChildren(box);
}
