import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** What became of a write: stored, held back (full disk, reported elsewhere), or refused because the stored value changed meanwhile. */
export type SaveOutcome = 'saved' | 'unsaved' | 'conflict';

interface Props {
  label: string;
  value: string;
  multiline?: boolean;
  placeholder?: string;
  list?: string;
  className?: string;
  /** Shown while keystrokes wait to be saved. */
  savingLabel?: string;
  /**
   * Saves `next` if what is stored is still `stored` (the value this draft
   * grew from). May resolve when it is written, with what became of it.
   */
  onChange(next: string, stored: string): void | Promise<SaveOutcome | void>;
  /** Every keystroke, at once (the crash journal); `onStored` once the field's text is stored. */
  onDraft?(value: string): void;
  onStored?(value: string): void;
  onFocus?(): void;
  onDone(): void;
}

/**
 * A text field saved as the user types. The first keystroke is written at once;
 * keystrokes typed while that write is on its way are held and written together
 * when it lands, so there is never more than one write per field in the queue
 * (one write per key would queue behind the reads of a big library) and a kill
 * loses at most what was typed during the last write. It follows changes from
 * outside (undo, another window) but never overwrites what is being typed: a
 * change made elsewhere while keystrokes here wait to be stored is shown, and
 * the user picks; a write is refused when the stored value is not the one the
 * draft grew from.
 */
export function DraftField({ label, value, multiline, onChange, onFocus, onDone, ...rest }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  const [saving, setSaving] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const [conflict, setConflict] = useState(false);
  const editing = useRef(false);
  const pending = useRef<string | null>(null);
  const writing = useRef(false);
  /** The value this draft grew from, as stored. */
  const stored = useRef(value);
  /** Values this field wrote while being edited: their echoes are no outside change. */
  const written = useRef(new Set<string>());
  const held = useRef(false);
  const save = useRef(onChange);
  const journal = useRef({ draft: rest.onDraft, stored: rest.onStored });
  useEffect(() => {
    save.current = onChange;
    journal.current = { draft: rest.onDraft, stored: rest.onStored };
  });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  // Runs until nothing is held back; outlives the field, so a folded row still saves.
  const pump = useRef(async () => {
    if (writing.current) return;
    writing.current = true;
    while (pending.current !== null && !held.current) {
      const next = pending.current;
      pending.current = null;
      let outcome: SaveOutcome | void = undefined;
      try {
        outcome = await save.current(next, stored.current);
      } catch {
        // The store reports its own failures.
      }
      if (outcome === 'conflict') {
        // Keep what was typed; ask before anything is written over the other change.
        held.current = true;
        pending.current ??= next;
        if (mounted.current) setConflict(true);
      } else if (outcome === 'unsaved') {
        if (mounted.current) setUnsaved(true);
      } else {
        stored.current = next;
        written.current.add(next);
        if (pending.current === null) journal.current.stored?.(next);
        if (mounted.current) setUnsaved(false);
      }
    }
    writing.current = false;
    if (mounted.current) setSaving(pending.current !== null && !held.current);
  });
  const type = (next: string) => {
    setDraft(next);
    pending.current = next;
    if (held.current) return;
    journal.current.draft?.(next);
    setSaving(true);
    void pump.current();
  };
  useEffect(() => {
    if (!editing.current) {
      // Unsaved text stays on show until its retry lands; anything else follows the store.
      if (unsaved && value !== draft) return;
      setUnsaved(false);
      setDraft(value);
      stored.current = value;
      return;
    }
    // A held change written on retry, or this field's own write coming back.
    if (value === draft || value === stored.current || written.current.has(value)) {
      if (value === draft) {
        stored.current = value;
        setUnsaved(false);
      }
      return;
    }
    // Nothing typed here that is not stored yet: follow the other window.
    if (draft === stored.current && pending.current === null && !unsaved) {
      setDraft(value);
      stored.current = value;
      return;
    }
    held.current = true;
    setConflict(true);
    // Only the stored value matters here, not every keystroke of the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const resolve = (keepMine: boolean) => {
    held.current = false;
    setConflict(false);
    stored.current = value;
    if (keepMine) {
      pending.current = draft;
      setSaving(true);
      void pump.current();
    } else {
      pending.current = null;
      setDraft(value);
    }
  };
  // A field can go while it has the focus (its row folds when another is
  // selected); the edit still ends there, so the next one is a new undo step.
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(
    () => () => {
      if (editing.current) done.current();
    },
    [],
  );
  const common = {
    'aria-label': label,
    value: draft,
    placeholder: rest.placeholder,
    // Marked while keystrokes wait to be saved; no text appears, so nothing moves.
    className:
      [rest.className, saving ? 'saving' : '', unsaved ? 'unsaved' : '']
        .filter(Boolean)
        .join(' ') || undefined,
    'aria-busy': saving,
    'aria-invalid': unsaved || undefined,
    onFocus: () => {
      if (!editing.current) {
        stored.current = value;
        written.current = new Set();
      }
      editing.current = true;
      onFocus?.();
    },
    onBlur: () => {
      editing.current = false;
      onDone();
    },
  };
  const status = (
    <>
      {saving && (
        <span className="visually-hidden" role="status">
          {rest.savingLabel}
        </span>
      )}
      {unsaved && !conflict && (
        <span className="field-unsaved" role="status">
          {t('notSavedMark')}
        </span>
      )}
      {conflict && (
        <span className="field-conflict" role="alert">
          {t('noteConflict')}
          <button className="link-button" onClick={() => resolve(true)}>
            {t('keepMine')}
          </button>
          <button className="link-button" onClick={() => resolve(false)}>
            {t('useTheirs')}
          </button>
        </span>
      )}
    </>
  );
  if (multiline) {
    return (
      <>
        <textarea
          {...common}
          rows={draft ? Math.min(6, draft.split('\n').length + 1) : 1}
          onChange={(e) => type(e.target.value)}
        />
        {status}
      </>
    );
  }
  return (
    <>
      <input {...common} list={rest.list} onChange={(e) => type(e.target.value)} />
      {status}
    </>
  );
}
