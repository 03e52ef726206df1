import { useEffect, useRef, useState } from 'react';

interface Props {
  label: string;
  value: string;
  multiline?: boolean;
  placeholder?: string;
  list?: string;
  className?: string;
  /** Shown while keystrokes wait to be saved. */
  savingLabel?: string;
  /** Saves a value; may resolve when it is written. */
  onChange(value: string): void | Promise<unknown>;
  onFocus?(): void;
  onDone(): void;
}

/**
 * A text field saved as the user types. The first keystroke is written at once;
 * keystrokes typed while that write is on its way are held and written together
 * when it lands, so there is never more than one write per field in the queue
 * (one write per key would queue behind the reads of a big library) and a kill
 * loses at most what was typed during the last write. It follows changes from
 * outside (undo) but never overwrites what is being typed.
 */
export function DraftField({ label, value, multiline, onChange, onFocus, onDone, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  const [saving, setSaving] = useState(false);
  const editing = useRef(false);
  const pending = useRef<string | null>(null);
  const writing = useRef(false);
  const save = useRef(onChange);
  useEffect(() => {
    save.current = onChange;
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
    while (pending.current !== null) {
      const next = pending.current;
      pending.current = null;
      try {
        await save.current(next);
      } catch {
        // The store reports its own failures.
      }
    }
    writing.current = false;
    if (mounted.current) setSaving(false);
  });
  const type = (next: string) => {
    setDraft(next);
    pending.current = next;
    setSaving(true);
    void pump.current();
  };
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);
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
    className: [rest.className, saving ? 'saving' : ''].filter(Boolean).join(' ') || undefined,
    'aria-busy': saving,
    onFocus: () => {
      editing.current = true;
      onFocus?.();
    },
    onBlur: () => {
      editing.current = false;
      onDone();
    },
  };
  const status = saving ? (
    <span className="visually-hidden" role="status">
      {rest.savingLabel}
    </span>
  ) : null;
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
