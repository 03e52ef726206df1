import { db } from '../db/instance';
import { useI18n } from '../i18n/i18n';
import { Modal } from '../ui/Modal';

export type LanguageSetting = 'system' | 'en' | 'zh';

export function SettingsDialog({ value, onClose }: { value: LanguageSetting; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('settings')} onClose={onClose}>
      <label className="field">
        <span>{t('language')}</span>
        <select
          value={value}
          onChange={(e) => void db.settings.put({ key: 'language', value: e.target.value })}
        >
          <option value="system">{t('languageSystem')}</option>
          <option value="en">English</option>
          <option value="zh">简体中文</option>
        </select>
      </label>
      <p className="hint">{t('shortcuts')}</p>
    </Modal>
  );
}
