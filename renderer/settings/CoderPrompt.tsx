import { useEffect, useId, useState } from 'react';
import { db } from '../db/instance';
import { errorMessage } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import { platform } from '../platform';
import { useNotify } from '../ui/notices';
import { MAX_CODER_NAME, declineCoderName, saveCoderName } from './coder';

/**
 * Asked once, after the first tag in a library without a coder: who is
 * coding. Not a modal: it sits above the annotations and takes no focus, so
 * the next key press still tags.
 */
export function CoderPrompt({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const id = useId();
  const [name, setName] = useState('');
  useEffect(() => {
    let live = true;
    void platform.defaultCoderName().then((n) => live && setName((cur) => cur || n));
    return () => {
      live = false;
    };
  }, []);

  const finish = (work: Promise<unknown>) =>
    work.then(onDone, (error: unknown) =>
      notify('error', t('errSaveWhat', { what: t('whatSetting'), detail: errorMessage(error) })),
    );

  return (
    <section className="coder-prompt" aria-labelledby={`${id}-q`}>
      <p id={`${id}-q`}>{t('coderQuestion')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void finish(saveCoderName(db, name));
        }}
      >
        <input
          aria-label={t('yourName')}
          value={name}
          maxLength={MAX_CODER_NAME}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('save')}
        </button>
        <button type="button" onClick={() => void finish(declineCoderName(db))}>
          {t('notNow')}
        </button>
      </form>
    </section>
  );
}
