import { LANGUAGE_SETTING } from '../app/language-at-start';
import { useSaveSetting } from '../db/use-save-setting';
import { useBackup } from '../export/use-backup';
import { useI18n } from '../i18n/i18n';
import { Modal } from '../ui/Modal';
import { CoderField } from './CoderField';

export type LanguageSetting = 'system' | 'en' | 'zh';

export function SettingsDialog({ value, onClose }: { value: LanguageSetting; onClose(): void }) {
  const { t } = useI18n();
  const saveSetting = useSaveSetting();
  const { backup, restore } = useBackup();
  return (
    <Modal title={t('settings')} onClose={onClose}>
      <label className="field">
        <span>{t('language')}</span>
        <select value={value} onChange={(e) => saveSetting(LANGUAGE_SETTING, e.target.value)}>
          <option value="system">{t('languageSystem')}</option>
          <option value="en">English</option>
          <option value="zh">简体中文</option>
        </select>
      </label>
      <CoderField />
      <div className="field backup">
        <button onClick={() => void backup()}>{t('backupLibrary')}</button>
        <button
          onClick={() => {
            // The confirmation that follows must not sit on top of this dialog.
            onClose();
            void restore();
          }}
        >
          {t('restoreLibrary')}
        </button>
      </div>
      <p className="hint">{t('backupHint')}</p>
      <p className="hint">{t('shortcuts')}</p>
    </Modal>
  );
}
