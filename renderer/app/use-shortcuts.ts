import { useEffect, useRef } from 'react';

export interface Shortcuts {
  tag(index: number): void;
  undo(redo: boolean): void;
  deleteActive(): void;
  openFiles(): void;
  /** J or ]: the next highlight; K or [: the previous one. */
  step(direction: 1 | -1): void;
  /** N: write the note of the selected annotation. */
  editNote(): void;
  /** S: select the sentence around the cursor or selection. */
  selectSentence(): void;
  /** Ctrl/Cmd+F and Ctrl/Cmd+Shift+F. */
  find(scope: 'document' | 'library'): void;
  /** ?: the list of shortcuts. */
  help(): void;
  /** G: the next suggested claim; A: accept the current one; X: dismiss it. */
  suggestion(what: 'next' | 'accept' | 'dismiss'): void;
}

/** Typing in a field must never tag or undo annotations. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.cm-editor')) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Plain keys (no modifier) and what they do. */
const PLAIN: Record<string, (h: Shortcuts) => void> = {
  j: (h) => h.step(1),
  ']': (h) => h.step(1),
  k: (h) => h.step(-1),
  '[': (h) => h.step(-1),
  n: (h) => h.editNote(),
  s: (h) => h.selectSentence(),
  '?': (h) => h.help(),
  g: (h) => h.suggestion('next'),
  a: (h) => h.suggestion('accept'),
  x: (h) => h.suggestion('dismiss'),
  Delete: (h) => h.deleteActive(),
};

export function useShortcuts(handlers: Shortcuts, withOpen: boolean): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = latest.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      // Find works from anywhere, even from a field.
      if (mod && !e.altKey && key === 'f') {
        e.preventDefault();
        return h.find(e.shiftKey ? 'library' : 'document');
      }
      if (e.defaultPrevented || e.isComposing || isTextField(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const plain = !mod && !e.altKey;
      if (plain && /^[1-9]$/.test(e.key)) {
        e.preventDefault();
        h.tag(Number(e.key) - 1);
      } else if (plain && PLAIN[key] && (key === '?' || !e.shiftKey || key === 'Delete')) {
        e.preventDefault();
        PLAIN[key]?.(h);
      } else if (mod && key === 'z') {
        e.preventDefault();
        h.undo(e.shiftKey);
      } else if (mod && key === 'y') {
        e.preventDefault();
        h.undo(true);
      } else if (withOpen && mod && key === 'o') {
        // The desktop menu owns Ctrl+O there; the browser needs it here.
        e.preventDefault();
        h.openFiles();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [withOpen]);
}
