import type { Category } from '../../shared/types';
import { db } from '../db/instance';
import { useI18n } from '../i18n/i18n';
import { useConfirm } from '../ui/confirm';
import { Modal } from '../ui/Modal';
import { addCategory, countUsage, deleteCategory, moveCategory, updateCategory } from './codebook';

export function CodebookDialog({
  categories,
  onClose,
}: {
  categories: readonly Category[];
  onClose(): void;
}) {
  const { t } = useI18n();
  const confirm = useConfirm();

  const remove = async (c: Category) => {
    const n = await countUsage(db, c.id);
    const ok = await confirm({
      message:
        n > 0
          ? t('deleteCategoryConfirm', { name: c.name, n })
          : t('deleteCategoryUnused', { name: c.name }),
      confirmLabel: t('deleteCategory'),
      danger: true,
    });
    if (ok) await deleteCategory(db, c.id);
  };

  return (
    <Modal title={t('codebookTitle')} onClose={onClose}>
      <ol className="codebook">
        {categories.map((c, i) => (
          <li key={c.id} className="codebook-row">
            <span className="key">{i < 9 ? i + 1 : ''}</span>
            <input
              type="color"
              aria-label={`${t('categoryColor')}: ${c.name}`}
              value={c.color}
              onChange={(e) => void updateCategory(db, c.id, { color: e.target.value })}
            />
            <input
              className="codebook-name"
              aria-label={`${t('categoryName')} ${i + 1}`}
              defaultValue={c.name}
              onBlur={(e) => {
                const name = e.target.value.trim();
                if (name && name !== c.name) void updateCategory(db, c.id, { name });
                else e.target.value = c.name;
              }}
            />
            <input
              className="codebook-description"
              aria-label={`${t('categoryDescription')}: ${c.name}`}
              placeholder={t('categoryDescription')}
              defaultValue={c.description}
              onBlur={(e) => void updateCategory(db, c.id, { description: e.target.value })}
            />
            <button
              className="icon-button"
              aria-label={`${t('moveUp')}: ${c.name}`}
              disabled={i === 0}
              onClick={() => void moveCategory(db, c.id, -1)}
            >
              ↑
            </button>
            <button
              className="icon-button"
              aria-label={`${t('moveDown')}: ${c.name}`}
              disabled={i === categories.length - 1}
              onClick={() => void moveCategory(db, c.id, 1)}
            >
              ↓
            </button>
            <button
              className="icon-button"
              aria-label={`${t('deleteCategory')}: ${c.name}`}
              onClick={() => void remove(c)}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <div className="modal-actions">
        <button className="primary" onClick={() => void addCategory(db, t('newCategory'))}>
          + {t('addCategoryButton')}
        </button>
      </div>
    </Modal>
  );
}
