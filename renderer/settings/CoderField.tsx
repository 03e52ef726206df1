import { useEffect, useState } from 'react';
import { CODER_SETTING } from '../db/db';
import { useSetting } from '../db/hooks';
import { db } from '../db/instance';
import { errorMessage } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { platform } from '../platform';
import { useNotify } from '../ui/notices';
import { MAX_CODER_NAME, cleanCoderName, saveCoderName } from './coder';

/**
 * Settings ▸ Your name. Saved when the field is left or Enter is pressed (not
 * on each key: a first save credits the unnamed annotations to the name).
 */
export function CoderField() {
  const { t } = useI18n();
  const notify = useNotify();
  const stored = useSetting(CODER_SETTING);
  const [draft, setDraft] = useState<string | null>(null);
  const [suggested, setSuggested] = useState('');
  useEffect(() => {
    let live = true;
    void platform.defaultCoderName().then((n) => live && setSuggested(n));
    return () => {
      live = false;
    };
  }, []);
  const value = draft ?? stored ?? '';

  const save = () => {
    if (draft === null || cleanCoderName(draft) === (stored ?? '')) return setDraft(null);
    saveCoderName(db, draft).then(
      (credited) => {
        setDraft(null);
        if (credited > 0) notify('info', t('coderCredited', { n: credited, name: draft.trim() }));
      },
      (error: unknown) =>
        notify('error', t('errSaveWhat', { what: t('whatSetting'), detail: errorMessage(error) })),
    );
  };

  return (
    <label className="field">
      <span>{t('yourName')}</span>
      <input
        value={value}
        placeholder={suggested}
        maxLength={MAX_CODER_NAME}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
      <span className="hint">{t('yourNameHint')}</span>
    </label>
  );
}
