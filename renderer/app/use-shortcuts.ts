import { useEffect, useRef } from 'react';

export interface Shortcuts {
  tag(index: number): void;
  undo(redo: boolean): void;
  deleteActive(): void;
  openFiles(): void;
}

/** Typing in a field must never tag or undo annotations. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.cm-editor')) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(handlers: Shortcuts, withOpen: boolean): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTextField(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const h = latest.current;
      if (!mod && !e.altKey && /^[1-9]$/.test(e.key)) {
        e.preventDefault();
        h.tag(Number(e.key) - 1);
      } else if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        h.undo(e.shiftKey);
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault();
        h.undo(true);
      } else if (!mod && e.key === 'Delete') {
        e.preventDefault();
        h.deleteActive();
      } else if (withOpen && mod && e.key.toLowerCase() === 'o') {
        // The desktop menu owns Ctrl+O there; the browser needs it here.
        e.preventDefault();
        h.openFiles();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [withOpen]);
}
