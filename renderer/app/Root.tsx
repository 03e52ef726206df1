import { useSetting } from '../db/hooks';
import { I18nProvider } from '../i18n/i18n';
import { systemLanguage, type Language } from '../i18n/strings';
import type { LanguageSetting } from '../settings/SettingsDialog';
import { ConfirmProvider } from '../ui/confirm';
import { NoticeProvider } from '../ui/notices';
import { StorageFailureProvider } from './StorageFailures';
import { LANGUAGE_SETTING, languageAtStart } from './language-at-start';
import { Workspace } from './Workspace';

export function Root() {
  const live = useSetting(LANGUAGE_SETTING);
  const stored = live === undefined ? languageAtStart() : live;
  if (stored === undefined) return null;
  const setting: LanguageSetting = stored === 'en' || stored === 'zh' ? stored : 'system';
  const language: Language = setting === 'system' ? systemLanguage(navigator.languages) : setting;
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  return (
    <I18nProvider language={language}>
      <NoticeProvider>
        <ConfirmProvider>
          <StorageFailureProvider>
            <Workspace languageSetting={setting} />
          </StorageFailureProvider>
        </ConfirmProvider>
      </NoticeProvider>
    </I18nProvider>
  );
}
