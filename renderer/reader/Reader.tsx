import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { firstDocumentShown } from '../app/first-document';
import type { ClaimCandidate } from '../../shared/claims/detect';
import type { Category } from '../../shared/types';
import type { Span } from '../db/spans';
import { useI18n } from '../i18n/i18n';
import type { Match } from '../../shared/find';
import { wordAt } from '../../shared/segment';
import { findField, setFindMatches } from './find-matches';
import { lineStyleField, setLineStyles, type LineStyles } from './headings';
import { annotationsAt, colorMap, highlights, setHighlights } from './highlights';
import { OverlapChooser } from './OverlapChooser';
import { readerTheme } from './reader-theme';
import { setSuggestions, suggestionField } from './suggestions';

export interface ReaderHandle {
  /** The selected span with surrounding white space trimmed, or null. */
  selection(): { from: number; to: number } | null;
  reveal(annotation: Span): void;
  /** Scrolls a position to the top and puts the cursor there. */
  scrollTo(pos: number): void;
  /** Start offset of the line holding the cursor. */
  caretLineStart(): number | null;
  /** The document on screen. */
  docId(): string;
  /** The cursor (the moving end of the selection). */
  caret(): number | null;
  /** Selects a span and brings it into view. */
  select(from: number, to: number): void;
  /** Marks the find bar's matches; `current` is also selected. */
  showMatches(matches: readonly Match[], current: number): void;
  focus(): void;
}

interface ReaderProps {
  docId: string;
  /** The text, or while it is read, its head (heads.ts). */
  text: string;
  /** False while `text` is a head: the rest is appended when it comes. */
  whole: boolean;
  annotations: readonly Span[];
  categories: readonly Category[];
  activeId: string | null;
  suggestions: readonly ClaimCandidate[];
  lineStyles: LineStyles;
  onActivate(id: string | null): void;
  handle: Ref<ReaderHandle>;
}

/** What the view shows: the text it has, and the props it was made with or last sent. */
type Built = Omit<ReaderProps, 'onActivate' | 'handle'>;

/**
 * The whole text of the document whose head `view` shows. (A view whose
 * length is not the head's holds a CR that CodeMirror read as a line break:
 * such a text is drawn again, never appended to at a wrong place.)
 */
const completes = (shown: Built, view: EditorView, docId: string, text: string) =>
  !shown.whole &&
  shown.docId === docId &&
  view.state.doc.length === shown.text.length &&
  text.length > shown.text.length &&
  text.startsWith(shown.text);

interface Choice {
  candidates: (Span & { quote: string })[];
  x: number;
  y: number;
}

export function Reader({ onActivate, handle, ...drawn }: ReaderProps) {
  const { docId, text, whole, annotations, categories, activeId, suggestions, lineStyles } = drawn;
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef({ annotations, onActivate });
  const built = useRef<Built | null>(null);
  // What was asked beyond the head on screen: done once the whole text is in.
  const later = useRef<(() => void) | null>(null);
  const [choice, setChoice] = useState<Choice | null>(null);

  useEffect(() => {
    latest.current = { annotations, onActivate };
  });

  useLayoutEffect(() => {
    if (!host.current) return;
    const onClick = (event: MouseEvent, v: EditorView) => {
      if (!v.state.selection.main.empty) return false;
      const pos = v.posAtCoords({ x: event.clientX, y: event.clientY });
      const hits = pos === null ? [] : annotationsAt(latest.current.annotations, pos);
      if (hits.length > 1) {
        const doc = v.state.doc;
        const candidates = hits.map((h) => ({ ...h, quote: doc.sliceString(h.start, h.end) }));
        setChoice({ candidates, x: event.clientX, y: event.clientY });
      } else latest.current.onActivate(hits[0]?.id ?? null);
      return false;
    };
    // A word as Intl.Segmenter sees it: 经济, not 经 — CodeMirror alone takes a run of CJK.
    const selectWord = (event: MouseEvent, v: EditorView) => {
      const pos = v.posAtCoords({ x: event.clientX, y: event.clientY });
      if (pos === null) return false;
      const line = v.state.doc.lineAt(pos);
      // posAtCoords may give the boundary after the character clicked.
      const at = pos - line.from;
      const word = wordAt(line.text, at) ?? (at > 0 ? wordAt(line.text, at - 1) : null);
      if (!word) return false;
      event.preventDefault();
      v.dispatch({ selection: { anchor: line.from + word.start, head: line.from + word.end } });
      return true;
    };
    const input = { annotations, colors: colorMap(categories), activeId };
    const was = built.current;
    const v = view.current;
    if (v && was && completes(was, v, docId, text)) {
      // The rest of a text whose head is on screen: appended, where nothing
      // moves, and the highlights drawn again now that all of them fit.
      v.dispatch({
        changes: { from: was.text.length, insert: text.slice(was.text.length) },
        effects: setHighlights.of(input),
      });
      built.current = { ...was, text, whole, annotations, categories, activeId };
      host.current.setAttribute('aria-busy', String(!whole));
      const run = later.current;
      later.current = null;
      run?.();
      return;
    }
    v?.destroy();
    later.current = null;
    // Drawn once, with its highlights: each dispatch after it would be
    // another update of a 10 MB document with 10,000 marks.
    view.current = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text,
        extensions: [
          EditorState.readOnly.of(true),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': t('reader'), 'aria-readonly': 'true' }),
          readerTheme,
          suggestionField,
          highlights,
          lineStyleField,
          findField,
          EditorView.domEventHandlers({ click: onClick, dblclick: selectWord }),
        ],
      }).update({
        effects: [
          setHighlights.of(input),
          setSuggestions.of(suggestions),
          setLineStyles.of(lineStyles),
        ],
      }).state,
    });
    built.current = { ...drawn };
    host.current.setAttribute('aria-busy', String(!whole));
    // A new text gets a new view, made with the props of that render; the
    // effects below bring it up to date. Translations of the label are not worth a rebuild.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docId, text, whole]);

  useLayoutEffect(
    () => () => {
      view.current?.destroy();
      view.current = null;
      built.current = null;
    },
    [],
  );

  useLayoutEffect(() => {
    const v = view.current;
    const sent = built.current;
    if (!v || !sent) return;
    if (
      sent.annotations !== annotations ||
      sent.categories !== categories ||
      sent.activeId !== activeId
    ) {
      v.dispatch({
        effects: setHighlights.of({ annotations, colors: colorMap(categories), activeId }),
      });
      Object.assign(sent, { annotations, categories, activeId });
    }
    firstDocumentShown();
  }, [annotations, categories, activeId, docId, text]);

  useLayoutEffect(() => {
    const sent = built.current;
    if (!view.current || !sent || sent.suggestions === suggestions) return;
    view.current.dispatch({ effects: setSuggestions.of(suggestions) });
    sent.suggestions = suggestions;
  }, [suggestions, docId, text]);

  useLayoutEffect(() => {
    const sent = built.current;
    if (!view.current || !sent || sent.lineStyles === lineStyles) return;
    view.current.dispatch({ effects: setLineStyles.of(lineStyles) });
    sent.lineStyles = lineStyles;
  }, [lineStyles, docId, text]);

  /** True when `pos` is past the head on screen: `then` runs once the whole text is in. */
  const waits = (pos: number, then: () => void): boolean => {
    const shown = built.current;
    // The latest request wins, whether it waits or not.
    later.current = null;
    if (!shown || shown.whole || pos <= shown.text.length) return false;
    later.current = then;
    return true;
  };

  useImperativeHandle(handle, () => {
    const api: ReaderHandle = {
      selection() {
        const v = view.current;
        if (!v) return null;
        const { from, to } = v.state.selection.main;
        const slice = v.state.sliceDoc(from, to);
        const lead = slice.length - slice.trimStart().length;
        const trail = slice.length - slice.trimEnd().length;
        if (from + lead >= to - trail) return null;
        return { from: from + lead, to: to - trail };
      },
      reveal(annotation) {
        const v = view.current;
        if (!v || waits(annotation.end, () => api.reveal(annotation))) return;
        const end = Math.min(annotation.end, v.state.doc.length);
        v.dispatch({
          selection: { anchor: Math.min(annotation.start, end), head: end },
          effects: EditorView.scrollIntoView(annotation.start, { y: 'center' }),
        });
      },
      scrollTo(pos) {
        const v = view.current;
        if (!v || waits(pos, () => api.scrollTo(pos))) return;
        const at = Math.min(pos, v.state.doc.length);
        v.dispatch({
          selection: { anchor: at },
          effects: EditorView.scrollIntoView(at, { y: 'start', yMargin: 24 }),
        });
      },
      docId: () => docId,
      caret() {
        return view.current?.state.selection.main.head ?? null;
      },
      select(from, to) {
        if (waits(to, () => api.select(from, to))) return;
        view.current?.dispatch({
          selection: { anchor: from, head: to },
          effects: EditorView.scrollIntoView(from, { y: 'nearest', yMargin: 48 }),
        });
        view.current?.focus();
      },
      showMatches(matches, current) {
        const v = view.current;
        if (!v) return;
        const m = matches[current];
        v.dispatch({
          effects: [
            setFindMatches.of({ matches, current }),
            ...(m ? [EditorView.scrollIntoView(m.start, { y: 'center' })] : []),
          ],
          ...(m ? { selection: { anchor: m.start, head: m.end } } : {}),
        });
      },
      caretLineStart() {
        const v = view.current;
        return v ? v.state.doc.lineAt(v.state.selection.main.head).from : null;
      },
      focus() {
        view.current?.focus();
      },
    };
    return api;
  });

  return (
    <>
      <div className="reader-host" ref={host} />
      {choice && (
        <OverlapChooser
          title={t('chooseAnnotation')}
          candidates={choice.candidates}
          categories={categories}
          x={choice.x}
          y={choice.y}
          onChoose={(id) => {
            setChoice(null);
            onActivate(id);
          }}
          onClose={() => setChoice(null)}
        />
      )}
    </>
  );
}
