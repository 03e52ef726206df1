import { useCallback, useMemo, useRef, type RefObject } from 'react';
import type { Annotation, Category } from '../../shared/types';
import type { Span } from '../db/spans';
import type { UnsavedChange } from '../db/unsaved';
import { useStorageFailures } from '../app/storage-failures';
import { useI18n } from '../i18n/i18n';
import type { ReaderHandle } from '../reader/Reader';
import { useNotify } from '../ui/notices';
import { shorten } from './shorten';
import type { SaveOutcome } from './DraftField';
import {
  DocumentGoneError,
  EditConflictError,
  type AnnotationPatch,
  type AnnotationStore,
} from './store';

interface Context {
  store: AnnotationStore;
  docId: string | null;
  text: string | null | undefined;
  categories: readonly Category[];
  activeId: string | null;
  setActive(id: string | null): void;
  reader: RefObject<ReaderHandle | null>;
}

export type Written<T> = { ok: true; value: T } | { ok: false; conflict?: boolean };

function ignoreConflict(error: unknown): void {
  if (!(error instanceof EditConflictError)) throw error;
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

  const { report, settle } = useStorageFailures();
  // Key presses queued for a document deleted meanwhile fail one by one: say it once.
  const gone = useRef(new Set<string>());
  /** Runs a write; a failure is reported with what was not saved (and held to retry on a full disk). */
  const guard = useCallback(
    async <T>(
      work: () => Promise<T>,
      change: UnsavedChange | (() => Promise<UnsavedChange>),
    ): Promise<Written<T>> => {
      const described = () => (typeof change === 'function' ? change() : Promise.resolve(change));
      try {
        const value = await work();
        if (typeof change !== 'function') settle(change.key);
        return { ok: true, value };
      } catch (error) {
        // Not a failure: the field asks the user which version to keep.
        if (error instanceof EditConflictError) return { ok: false, conflict: true };
        if (error instanceof DocumentGoneError) {
          if (!gone.current.has(error.docId)) notify('error', t('errDocumentGone'));
          gone.current.add(error.docId);
        } else report(error, await described());
        return { ok: false };
      }
    },
    [notify, report, settle, t],
  );
  const quoted = useCallback((quote: string) => t('whatQuote', { quote: shorten(quote, 40) }), [t]);

  /** Key 1–9 or a click in the category bar. */
  const tag = useCallback(
    async (index: number) => {
      const category = categories[index];
      if (!category || !docId) return;
      // A long document's head is on screen before its whole text is read.
      if (text === undefined) return notify('info', t('textStillLoading'));
      if (text === null) return;
      const selection = reader.current?.selection() ?? null;
      if (!selection && !activeId) return notify('info', t('selectTextHint'));
      // As shown now, not as of the last render: a second key pressed right after
      // the first finds the annotation the first one made (the store holds it).
      const target = () =>
        selection
          ? store.findSpan(docId, selection.from, selection.to)
          : activeId
            ? store.get(activeId)
            : Promise.resolve(undefined);
      const key = `tag:${selection ? `${docId}:${selection.from}:${selection.to}` : activeId}:${category.id}`;
      const found = await target();
      let write: () => Promise<unknown>;
      if (found) {
        write = () =>
          store.update(found, { categoryIds: toggleCategory(found.categoryIds, category.id) });
      } else if (selection) {
        const made = store.build(docId, text, selection.from, selection.to, category.id);
        // Active in the same frame as its highlight appears.
        setActive(made.id);
        write = () => store.add(made);
      } else return;
      const written = await guard(
        write,
        // Worked out only if the write fails: a key press waits for nothing else.
        async () => ({
          key,
          what: quoted(selection ? text.slice(selection.from, selection.to) : (found?.quote ?? '')),
          // Again with the outcome the key press asked for: the category on that span.
          retry: async () => {
            const now = await target();
            if (now?.categoryIds.includes(category.id)) return;
            if (now) await store.update(now, { categoryIds: [...now.categoryIds, category.id] });
            else if (selection)
              await store.create(docId, text, selection.from, selection.to, category.id);
          },
        }),
      );
      if (written.ok) settle(key);
      if (found && written.ok) setActive(found.id);
    },
    [activeId, categories, docId, guard, notify, quoted, reader, setActive, settle, store, t, text],
  );

  return useMemo(
    () => ({
      tag,
      select(a: Span) {
        setActive(a.id);
        reader.current?.reveal(a);
      },
      // Resolves when written (true) or held back (false), so a field can hold
      // its next keystrokes until then and mark what is not saved.
      edit: async (
        a: Annotation,
        patch: AnnotationPatch,
        mergeKey?: string,
        expected?: AnnotationPatch,
      ): Promise<SaveOutcome> => {
        const field = Object.keys(patch).join(',');
        const quote = shorten(a.quote, 40);
        const what =
          field === 'note'
            ? t('whatNote', { quote })
            : field === 'speaker' || field === 'evidence' || field === 'status'
              ? t('whatField', { field: t(field).toLowerCase(), quote })
              : quoted(a.quote);
        const write = () => store.update(a, patch, mergeKey, expected);
        // Retried on a full disk; if the other window wrote the field meanwhile, theirs stays.
        const retry = () => write().catch(ignoreConflict);
        const key = `field:${a.id}:${field}`;
        const written = await guard(write, { key, what, retry });
        return written.ok ? 'saved' : written.conflict ? 'conflict' : 'unsaved';
      },
      editDone: () => store.history.seal(),
      toggle: (a: Annotation, id: string) => {
        const write = () => store.update(a, { categoryIds: toggleCategory(a.categoryIds, id) });
        void guard(write, {
          key: `field:${a.id}:categoryIds`,
          what: quoted(a.quote),
          retry: write,
        });
      },
      async reattach(a: Annotation) {
        const selection = reader.current?.selection() ?? null;
        if (!selection || typeof text !== 'string') return notify('info', t('reattachHint'));
        const placed = await guard(() => store.reattach(a, text, selection.from, selection.to), {
          key: `reattach:${a.id}`,
          what: quoted(a.quote),
        });
        if (placed.ok) setActive(placed.value.id);
      },
      async remove(a: Annotation) {
        const write = () => store.remove(a);
        const what = t('whatDelete', { quote: shorten(a.quote, 40) });
        if (activeId === a.id) setActive(null);
        if ((await guard(write, { key: `delete:${a.id}`, what, retry: write })).ok)
          notify('info', t('annotationDeleted'));
      },
      async undo(redo = false) {
        const done = await guard(() => (redo ? store.redo() : store.undo()), {
          key: 'undo',
          what: t('whatUndo'),
        });
        if (!done.ok) return;
        if (done.value === 'stale') notify('info', t('undoStale'));
        else if (!done.value && !redo) notify('info', t('nothingToUndo'));
      },
      /** Any other write of the reader's (accepting or dismissing a suggestion). */
      write: guard,
    }),
    [activeId, guard, notify, quoted, reader, setActive, store, t, tag, text],
  );
}
