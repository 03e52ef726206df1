import type { Annotation } from '../../shared/types';
import { useI18n } from '../i18n/i18n';
import { shorten } from './shorten';

interface Props {
  orphans: readonly Annotation[];
  onReattach(a: Annotation): void;
  onDelete(a: Annotation): void;
}

/** Annotations whose text changed so much that they could not be placed again. */
export function OrphanList({ orphans, onReattach, onDelete }: Props) {
  const { t } = useI18n();
  if (orphans.length === 0) return null;
  return (
    <section className="orphans" aria-label={t('orphans')}>
      <h3>
        {t('orphans')} <span className="count">{orphans.length}</span>
      </h3>
      <p className="hint">{t('orphansHint')}</p>
      <ul className="orphan-list">
        {orphans.map((a) => (
          <li key={a.id} className="orphan">
            <q className="quote">{shorten(a.quote)}</q>
            {a.note && <p className="orphan-note">{a.note}</p>}
            <div className="orphan-actions">
              <button
                className="small"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onReattach(a)}
              >
                {t('reattach')}
              </button>
              <button className="link-button" onClick={() => onDelete(a)}>
                {t('deleteAnnotation')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
