import { useCallback, type RefObject } from 'react';
import { sentenceAt } from '../../shared/segment';
import type { Span } from '../db/spans';
import type { ReaderHandle } from '../reader/Reader';

/** Waits for the virtualised annotation list to render the active row, then focuses its note. */
function focusActiveNote(tries = 12): void {
  const note = document.querySelector<HTMLTextAreaElement>(
    '.annotation.active textarea.note:not(.evidence)',
  );
  if (note) note.focus();
  else if (tries > 0) requestAnimationFrame(() => focusActiveNote(tries - 1));
}

interface Context {
  text: string | null | undefined;
  placed: readonly Span[] | undefined;
  activeId: string | null;
  reader: RefObject<ReaderHandle | null>;
  select(a: Span): void;
}

/** Keyboard moves: next/previous highlight, the note, the sentence. */
export function useNavigation({ text, placed, activeId, reader, select }: Context) {
  const step = useCallback(
    (direction: 1 | -1) => {
      if (!placed || placed.length === 0) return;
      // By index in text order, so highlights starting at the same character are all reached.
      const index = placed.findIndex((a) => a.id === activeId);
      let next: Span | undefined;
      if (index >= 0) next = placed[index + direction];
      else {
        const from = reader.current?.caret() ?? 0;
        next =
          direction === 1
            ? placed.find((a) => a.start >= from)
            : [...placed].reverse().find((a) => a.start < from);
      }
      if (next) select(next);
    },
    [activeId, placed, reader, select],
  );

  const editNote = useCallback(() => {
    const active = placed?.find((a) => a.id === activeId);
    if (!active) return;
    select(active);
    focusActiveNote();
  }, [activeId, placed, select]);

  const selectSentence = useCallback(() => {
    const caret = reader.current?.caret();
    if (typeof text !== 'string' || caret === null || caret === undefined) return;
    const sentence = sentenceAt(text, caret);
    if (sentence.end > sentence.start) reader.current?.select(sentence.start, sentence.end);
  }, [reader, text]);

  return { step, editNote, selectSentence };
}
