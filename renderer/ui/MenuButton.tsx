import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

/** The items that can take focus, in order. */
const itemsOf = (menu: HTMLElement | null): HTMLButtonElement[] =>
  Array.from(menu?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? []);

export type MenuEntry =
  | { kind: 'item'; key: string; label: string; disabled?: boolean; onChoose(): void }
  | { kind: 'check'; key: string; label: string; checked: boolean; onToggle(): void }
  | { kind: 'separator'; key: string };

interface Props {
  /** The button's text; its accessible name starts with it. */
  label: ReactNode;
  /** The menu's accessible name. */
  menuLabel: string;
  entries: readonly MenuEntry[];
}

/**
 * A button that opens a menu, as the WAI-ARIA menu button pattern has it:
 * Enter, Space or ArrowDown open it on the first item, ArrowUp on the last;
 * arrows, Home and End move between items; Escape closes it and gives focus
 * back to the button; Tab, a click outside or choosing an item closes it.
 */
export function MenuButton({ label, menuLabel, entries }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const pending = useRef<'first' | 'last' | null>(null);

  const items = () => itemsOf(menu.current);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const list = itemsOf(menu.current);
    (pending.current === 'last' ? list.at(-1) : list[0])?.focus();
    pending.current = null;
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, close]);

  const openAt = (where: 'first' | 'last') => {
    pending.current = where;
    setOpen(true);
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') return close(false);
    else return;
    e.preventDefault();
    // Keys 1–9 and the like must not reach the app's shortcuts while the menu is open.
    e.stopPropagation();
  };

  return (
    <div className="menu-anchor">
      <button
        ref={button}
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => (open ? close(false) : openAt('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            openAt(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {label} ▾
      </button>
      {open && (
        <div
          ref={menu}
          id={`${id}-menu`}
          className="menu"
          role="menu"
          aria-label={menuLabel}
          onKeyDown={onMenuKey}
        >
          {entries.map((entry) => {
            if (entry.kind === 'separator')
              return <div key={entry.key} role="separator" className="menu-separator" />;
            if (entry.kind === 'check')
              return (
                <button
                  key={entry.key}
                  role="menuitemcheckbox"
                  aria-checked={entry.checked}
                  tabIndex={-1}
                  className="menu-check"
                  // Stays open: a setting for the items below it, not a command.
                  onClick={entry.onToggle}
                >
                  <span aria-hidden="true">{entry.checked ? '☑' : '☐'}</span> {entry.label}
                </button>
              );
            return (
              <button
                key={entry.key}
                role="menuitem"
                tabIndex={-1}
                disabled={entry.disabled}
                onClick={() => {
                  close(true);
                  entry.onChoose();
                }}
              >
                {entry.label}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
