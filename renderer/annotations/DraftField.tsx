import { useEffect, useRef, useState } from 'react';

interface Props {
  label: string;
  value: string;
  multiline?: boolean;
  placeholder?: string;
  list?: string;
  className?: string;
  onChange(value: string): void;
  onFocus?(): void;
  onDone(): void;
}

/**
 * A text field saved as the user types. It follows changes from outside
 * (undo) but never overwrites what is being typed.
 */
export function DraftField({ label, value, multiline, onChange, onFocus, onDone, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
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
    className: rest.className,
    onFocus: () => {
      editing.current = true;
      onFocus?.();
    },
    onBlur: () => {
      editing.current = false;
      onDone();
    },
  };
  if (multiline) {
    return (
      <textarea
        {...common}
        rows={draft ? Math.min(6, draft.split('\n').length + 1) : 1}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(e.target.value);
        }}
      />
    );
  }
  return (
    <input
      {...common}
      list={rest.list}
      onChange={(e) => {
        setDraft(e.target.value);
        onChange(e.target.value);
      }}
    />
  );
}
