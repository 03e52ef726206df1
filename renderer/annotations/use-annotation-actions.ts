import { useCallback, useMemo, useRef, type RefObject } from 'react';
import type { Annotation, Category } from '../../shared/types';
import { errorMessage, isQuotaError } from '../db/storage-error';
import { useI18n } from '../i18n/i18n';
import type { ReaderHandle } from '../reader/Reader';
import { useNotify } from '../ui/notices';
import { DocumentGoneError, type AnnotationPatch, type AnnotationStore } from './store';

interface Context {
  store: AnnotationStore;
  docId: string | null;
  text: string | null | undefined;
  categories: readonly Category[];
  activeId: string | null;
  setActive(id: string | null): void;
  reader: RefObject<ReaderHandle | null>;
}

/** Adds a category, or removes it when the annotation has others to keep. */
export function toggleCategory(ids: readonly string[], id: string): string[] {
  if (!ids.includes(id)) return [...ids, id];
  return ids.length > 1 ? ids.filter((c) => c !== id) : [...ids];
}

export function useAnnotationActions(ctx: Context) {
  const { store, docId, text, categories, activeId, setActive, reader } = ctx;
  const { t } = useI18n();
  const notify = useNotify();

  // Key presses queued for a document deleted meanwhile fail one by one: say it once.
  const gone = useRef(new Set<string>());
  const guard = useCallback(
    async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await work();
      } catch (error) {
        if (error instanceof DocumentGoneError) {
          if (!gone.current.has(error.docId)) notify('error', t('errDocumentGone'));
          gone.current.add(error.docId);
          return undefined;
        }
        notify(
          'error',
          isQuotaError(error)
            ? t('errQuota', { file: '' })
            : t('errSaveChange', { detail: errorMessage(error) }),
        );
        return undefined;
      }
    },
    [notify, t],
  );

  /** Key 1–9 or a click in the category bar. */
  const tag = useCallback(
    async (index: number) => {
      const category = categories[index];
      if (!category || !docId || typeof text !== 'string') return;
      const selection = reader.current?.selection() ?? null;
      if (!selection && !activeId) return notify('info', t('selectTextHint'));
      // Read from the database, not from the last render: a second key pressed
      // right after the first must find the annotation the first one made.
      const id = await guard(() =>
        store.serial(async () => {
          const target = selection
            ? await store.findSpan(docId, selection.from, selection.to)
            : activeId
              ? await store.get(activeId)
              : undefined;
          if (target) {
            await store.update(target, {
              categoryIds: toggleCategory(target.categoryIds, category.id),
            });
            return target.id;
          }
          if (!selection) return null;
          return (await store.create(docId, text, selection.from, selection.to, category.id)).id;
        }),
      );
      if (id) setActive(id);
    },
    [activeId, categories, docId, guard, notify, reader, setActive, store, t, text],
  );

  return useMemo(
    () => ({
      tag,
      select(a: Annotation) {
        setActive(a.id);
        reader.current?.reveal(a);
      },
      // Resolves when written, so a field can hold its next keystrokes until then.
      edit: (a: Annotation, patch: AnnotationPatch, mergeKey?: string): Promise<unknown> =>
        guard(() => store.update(a, patch, mergeKey)),
      editDone: () => store.history.seal(),
      toggle: (a: Annotation, id: string) =>
        void guard(() => store.update(a, { categoryIds: toggleCategory(a.categoryIds, id) })),
      async reattach(a: Annotation) {
        const selection = reader.current?.selection() ?? null;
        if (!selection || typeof text !== 'string') return notify('info', t('reattachHint'));
        const placed = await guard(() => store.reattach(a, text, selection.from, selection.to));
        if (placed) setActive(placed.id);
      },
      async remove(a: Annotation) {
        await guard(() => store.remove(a));
        if (activeId === a.id) setActive(null);
        notify('info', t('annotationDeleted'));
      },
      async undo(redo = false) {
        const entry = await guard(() => (redo ? store.redo() : store.undo()));
        if (entry === 'stale') notify('info', t('undoStale'));
        else if (!entry && !redo) notify('info', t('nothingToUndo'));
      },
    }),
    [activeId, guard, notify, reader, setActive, store, t, tag, text],
  );
}
