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
  onChange(value: string): void;
  onFocus?(): void;
  onDone(): void;
}

/** Longest a keystroke waits before it is saved: keystrokes in between go in the same write. */
export const SAVE_DELAY_MS = 250;

/**
 * A text field saved as the user types: keystrokes are coalesced into one write
 * at most every SAVE_DELAY_MS (one write per key would queue behind the reads of
 * a big library), and flushed at once on blur, when the window is hidden or
 * closed, and when the field goes. It follows changes from outside (undo) but
 * never overwrites what is being typed.
 */
export function DraftField({ label, value, multiline, onChange, onFocus, onDone, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  const [saving, setSaving] = useState(false);
  const editing = useRef(false);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const save = useRef(onChange);
  useEffect(() => {
    save.current = onChange;
  });
  const flush = useRef(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const next = pending.current;
    pending.current = null;
    setSaving(false);
    if (next !== null) save.current(next);
  });
  const type = (next: string) => {
    setDraft(next);
    pending.current = next;
    setSaving(true);
    timer.current ??= setTimeout(flush.current, SAVE_DELAY_MS);
  };
  useEffect(() => {
    const now = flush.current;
    const onHide = () => document.visibilityState === 'hidden' && now();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', now);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', now);
      now();
    };
  }, []);
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
      flush.current();
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
