import { CLAIM_KINDS, type Category, type ClaimKind } from '../../shared/types';
import { annotationStore } from '../annotations/instance';
import { db } from '../db/instance';
import { useStorageFailures } from '../app/storage-failures';
import { useI18n } from '../i18n/i18n';
import { moveCategory, setClaimKind, updateCategory } from './codebook';

interface Props {
  category: Category;
  index: number;
  count: number;
  /** Top-level categories this one may go under. */
  parents: readonly Category[];
  hasChildren: boolean;
  onDelete(): void;
}

/** One editable line of the codebook; every edit can be undone with Ctrl+Z. */
export function CodebookRow({
  category: c,
  index: i,
  count,
  parents,
  hasChildren,
  onDelete,
}: Props) {
  const { t } = useI18n();
  const { report } = useStorageFailures();
  // Held and written again on a full disk, like every other edit.
  const write = (key: string, work: () => Promise<unknown>) =>
    void work().catch((error: unknown) =>
      report(error, {
        key: `category:${c.id}:${key}`,
        what: t('whatCategory', { name: c.name }),
        retry: work,
      }),
    );
  const update = (patch: Parameters<typeof updateCategory>[2]) =>
    write(Object.keys(patch).join(), () => updateCategory(db, c.id, patch, annotationStore));
  return (
    <li className={c.parentId ? 'codebook-row child' : 'codebook-row'}>
      <span className="key">{i < 9 ? i + 1 : ''}</span>
      <input
        type="color"
        aria-label={`${t('categoryColor')}: ${c.name}`}
        value={c.color}
        onChange={(e) => update({ color: e.target.value })}
      />
      <input
        className="codebook-name"
        aria-label={`${t('categoryName')} ${i + 1}`}
        defaultValue={c.name}
        key={c.name}
        onBlur={(e) => {
          const name = e.target.value.trim();
          if (name && name !== c.name) update({ name });
          else e.target.value = c.name;
        }}
      />
      <select
        className="codebook-parent"
        aria-label={`${t('categoryParent')}: ${c.name}`}
        value={c.parentId ?? ''}
        disabled={hasChildren}
        onChange={(e) => update({ parentId: e.target.value || null })}
      >
        <option value="">{t('topLevel')}</option>
        {parents
          .filter((p) => p.id !== c.id)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </select>
      <input
        className="codebook-description"
        aria-label={`${t('categoryDescription')}: ${c.name}`}
        placeholder={t('categoryDescription')}
        defaultValue={c.description}
        key={`d:${c.description}`}
        onBlur={(e) => e.target.value !== c.description && update({ description: e.target.value })}
      />
      <select
        className="codebook-kind"
        aria-label={`${t('claimKindOf')}: ${c.name}`}
        title={t('claimKindHint')}
        value={c.claimKind ?? ''}
        onChange={(e) =>
          write('claimKind', () =>
            setClaimKind(db, c.id, (e.target.value || null) as ClaimKind | null, annotationStore),
          )
        }
      >
        <option value="">{t('noClaimKind')}</option>
        {CLAIM_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind_${k}`)}
          </option>
        ))}
      </select>
      <button
        className="icon-button"
        aria-label={`${t('moveUp')}: ${c.name}`}
        disabled={i === 0}
        onClick={() => write('move', () => moveCategory(db, c.id, -1, annotationStore))}
      >
        ↑
      </button>
      <button
        className="icon-button"
        aria-label={`${t('moveDown')}: ${c.name}`}
        disabled={i === count - 1}
        onClick={() => write('move', () => moveCategory(db, c.id, 1, annotationStore))}
      >
        ↓
      </button>
      <button
        className="icon-button"
        aria-label={`${t('deleteCategory')}: ${c.name}`}
        onClick={onDelete}
      >
        ✕
      </button>
    </li>
  );
}
