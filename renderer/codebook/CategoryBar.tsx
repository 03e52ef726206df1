import type { Category } from '../../shared/types';
import { useI18n } from '../i18n/i18n';

interface Props {
  categories: readonly Category[];
  onTag(index: number): void;
  onEdit(): void;
}

/** The codebook as a toolbar: click a category, or press its number key. */
export function CategoryBar({ categories, onTag, onEdit }: Props) {
  const { t } = useI18n();
  return (
    <div className="category-bar" role="toolbar" aria-label={t('categories')}>
      {categories.map((c, i) => (
        <button
          key={c.id}
          className="category-button"
          style={{ ['--chip' as string]: c.color }}
          title={[i < 9 ? t('keyHint', { key: i + 1 }) : '', c.description]
            .filter(Boolean)
            .join(' — ')}
          // Keep the reader's selection: a focused button would not clear it, but a mousedown would.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onTag(i)}
        >
          {i < 9 && (
            <kbd aria-hidden="true" className="key">
              {i + 1}
            </kbd>
          )}
          <span className="chip-dot" aria-hidden="true" />
          {c.name}
        </button>
      ))}
      <button className="category-edit" onClick={onEdit}>
        {t('codebook')}…
      </button>
    </div>
  );
}
