import { EditorView } from '@codemirror/view';

/**
 * A reader, not an editor: no gutters or caret, a serif face that has CJK
 * glyphs, a measure of about 40 em, and space between paragraphs (one
 * paragraph per line). Colours come from CSS variables so the system theme
 * switches them.
 */
export const readerTheme = EditorView.theme({
  '&': {
    height: '100%',
    color: 'var(--text)',
    backgroundColor: 'var(--paper)',
    fontSize: 'var(--reader-size, 18px)',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--reader-font)',
    lineHeight: '1.85',
    padding: '2.5em 1.5em 40vh',
  },
  '.cm-content': {
    maxWidth: '40em',
    margin: '0 auto',
    caretColor: 'transparent',
    padding: '0',
  },
  '.cm-line': { padding: '0 0 0.9em', textAlign: 'justify' },
  '.cm-line.cm-heading': { fontWeight: '700', fontSize: '1.08em', paddingTop: '0.4em' },
  '.cm-line.cm-meta': { color: 'var(--muted)', fontSize: '0.9em' },
  '.cm-hl': {
    borderRadius: '2px',
    cursor: 'pointer',
    boxDecorationBreak: 'clone',
    WebkitBoxDecorationBreak: 'clone',
  },
  '.cm-find': { outline: '1px solid var(--find)', borderRadius: '2px' },
  '.cm-find-current': { backgroundColor: 'var(--find-current)', outline: '2px solid var(--find)' },
  '.cm-hl-bare': { textDecoration: 'underline dashed var(--muted)' },
  // A suggested claim: dotted, thin and in its own hue, so it reads as a hint, not a mark.
  '.cm-suggestion': {
    textDecorationLine: 'underline',
    textDecorationStyle: 'dotted',
    textDecorationColor: 'var(--suggest)',
    textDecorationThickness: '2px',
    textUnderlineOffset: '5px',
  },
  '.cm-hl-active': { outline: '2px solid var(--accent)', outlineOffset: '1px' },
  '.cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection) !important' },
});
