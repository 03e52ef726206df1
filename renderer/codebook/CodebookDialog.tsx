import type { Category } from '../../shared/types';
import { annotationStore } from '../annotations/instance';
import { db } from '../db/instance';
import { useStorageFailures } from '../app/storage-failures';
import { useI18n } from '../i18n/i18n';
import { useConfirm } from '../ui/confirm';
import { Modal } from '../ui/Modal';
import { addCategory, countUsage, deleteCategory } from './codebook';
import { CodebookRow } from './CodebookRow';
import { CodebookTransfer } from './CodebookTransfer';

export function CodebookDialog({
  categories,
  onClose,
}: {
  categories: readonly Category[];
  onClose(): void;
}) {
  const { t } = useI18n();
  const confirm = useConfirm();
  const { report } = useStorageFailures();
  const parents = categories.filter((c) => c.parentId === null);

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
    if (ok) guard(`delete:${c.id}`, () => deleteCategory(db, c.id, new Date(), annotationStore));
  };
  const guard = (key: string, work: () => Promise<unknown>) =>
    void work().catch((error: unknown) =>
      report(error, { key: `codebook:${key}`, what: t('whatCodebook'), retry: work }),
    );
  return (
    <Modal title={t('codebookTitle')} onClose={onClose}>
      <ol className="codebook">
        {categories.map((c, i) => (
          <CodebookRow
            key={c.id}
            category={c}
            index={i}
            count={categories.length}
            parents={parents}
            hasChildren={categories.some((x) => x.parentId === c.id)}
            onDelete={() => void remove(c)}
          />
        ))}
      </ol>
      <div className="modal-actions">
        <CodebookTransfer categories={categories} />
        <span className="spacer" />
        <button
          className="primary"
          onClick={() =>
            guard(`add:${crypto.randomUUID()}`, () =>
              addCategory(db, t('newCategory'), annotationStore),
            )
          }
        >
          + {t('addCategoryButton')}
        </button>
      </div>
    </Modal>
  );
}
