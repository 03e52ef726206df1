/**
 * What the in-page code exposes to run.ts: `window.bench` (the harness page,
 * harness.ts) and `window.benchProbe` (injected into every page, probe.ts).
 */

export interface AppImportResult {
  ms: number;
  /** Inside `ms`: the decode job (decode + SHA-256), as importFiles awaited it. */
  decodeMs: number;
  kind: string;
  encoding: string;
  sha256: string;
  /** What the import decided: null when the text is kept as in the file. */
  reflow: { lines: number; paragraphs: number } | null;
}

/** The re-anchoring material made in the page: a text, anchors on it, and edits to it. */
export interface ReanchorSetup {
  chars: number;
  bytes: number;
  newChars: number;
  anchors: number;
  edits: Record<'insertion' | 'deletion' | 'replacement', number>;
  removedChars: number;
  insertedChars: number;
  /** Anchors whose quote an edit changes (the rest keep their quote, maybe not their context). */
  touched: number;
  /** Of those, the ones reanchor orphans (a step below times them alone). */
  orphaned: number;
}

export type AnchorGroup = 'all' | 'untouched' | 'touched' | 'orphaned';

export interface ReanchorResult {
  ms: number;
  kept: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
  /** Anchors no edit touched, and how many of them landed where the edits moved them. */
  untouched: number;
  untouchedRight: number;
  /** Untouched anchors misplaced as 'kept' at their old offset (the same characters stand there). */
  untouchedKeptAtOld: number;
  /** What became of the anchors an edit touched. */
  touched: { kept: number; exact: number; fuzzy: number; orphaned: number };
}

export interface ReplaceResult {
  ms: number;
  kind: string;
  report: { kept: number; moved: number; orphaned: number } | null;
  /** Annotation records the replacement put (the rest were left as stored). */
  written: number;
  /** After it, in the background: the records a shift step placed, rewritten where they are now. */
  compaction: { ms: number; rewritten: number };
  /** Placed annotations whose quote is not at their place in the new text, once compacted (0 if right). */
  misplaced: number;
}

export interface SeededDocument {
  docId: string;
  title: string;
  /** Text at the start of the document, to recognise it on screen. */
  sentinel: string;
  seedMs: number;
  /** Annotations half- and a quarter-way down the list, with a snippet of each quote. */
  targets: { id: string; index: number; start: number; quote: string }[];
}

/** A phrase the generators never write, put into three documents of the library. */
export const RARE_PHRASE = '审计署特派办';
/** The All annotations filters measured (text typed, status ticked). */
export const TABLE_TEXT = '经济';
export const TABLE_STATUS = 'disputed';

/** The search and table library as made in the page (harness-library.ts). */
export interface LibraryInfo {
  docs: number;
  englishDocs: number;
  /** UTF-16 units and UTF-8 bytes of all the texts. */
  chars: number;
  bytes: number;
  annotations: number;
  /** Time to generate it (not a measurement). */
  ms: number;
}

/** The 'library' section's big library (harness-library-scale.ts), and the document reopened at start. */
export interface ScaleLibraryInfo extends LibraryInfo {
  newest: {
    docId: string;
    title: string;
    /** The start of its first line, to recognise its text on screen. */
    sentinel: string;
    annotations: number;
  };
}

/** One library search: its time and what it found (documents with a hit, text hits among them). */
export interface SearchRun {
  ms: number;
  hits: number;
  docs: number;
  textHits: number;
}

export type TableOp =
  | 'build'
  | 'filter-category'
  | 'filter-status'
  | 'filter-text'
  | 'sort-quote'
  | 'sort-quote-zh'
  | 'sort-document'
  | 'sort-status';

export interface TableRun {
  ms: number;
  rows: number;
  steps: Record<string, number>;
  /** Sorts: adjacent rows in the app's order that the baseline's comparator would swap. */
  differ?: number;
}

/** What the All annotations view should show for the seeded database, computed with its own model. */
export interface TableExpectation {
  /** The view's three reads (annotations, documents, codebook), timed once. */
  readMs: number;
  /** Every annotation row alone (`db.annotations.toArray()`), timed once after those. */
  annotationsReadMs: number;
  total: number;
  /** Rows with TABLE_STATUS, and with it and TABLE_TEXT. */
  status: number;
  statusAndText: number;
  /** The first row's quote in natural order, sorted by quote ascending, and descending. */
  firstQuote: string;
  firstAsc: string;
  firstDesc: string;
}

export interface BenchApi {
  /** Fetches /bench/data/<name> (text in encoding `label`) into memory; returns its size. */
  load(name: string, label: string): Promise<number>;
  /**
   * `new TextDecoder(label).decode(bytes)` and one Dexie put of the text; with
   * `show`, then a bare EditorView showing it (the least an import can do).
   */
  baselineImport(name: string, label: string, show: boolean): Promise<number>;
  /** The app's importFiles with runDecodeJob inline, into a scratch ClaimmarkDB. */
  appImport(name: string): Promise<AppImportResult>;
  /** The steps of the app's import, one at a time (ms each). */
  importSteps(name: string): Promise<Record<string, number>>;
  /** A bare EditorView (doc + lineWrapping); with `marks`, also the app's highlight field. */
  bareRender(name: string, marks: number): Promise<number>;
  /**
   * A bare EditorView with the app's highlight field and `marks` annotations:
   * one more annotation put into IndexedDB and drawn as the active highlight.
   */
  bareTag(name: string, marks: number): Promise<number>;
  /** A bare EditorView already drawn, scrolled to `pos` until `snippet` shows. */
  bareScroll(name: string, pos: number, snippet: string): Promise<number>;
  /** Writes a document and `count` annotations into the app's own database. */
  seedDocument(name: string, count: number): Promise<SeededDocument>;
  /** The reads the app's hooks make to open a document, and cheaper ones (median ms each). */
  openReads(docId: string, reps: number): Promise<Record<string, number>>;
  forgetLastDocument(): Promise<void>;

  /** `new TextDecoder('utf-8').decode(bytes)` alone. */
  plainDecode(name: string): Promise<number>;
  /** The steps of a reflowing import, one at a time (ms each). */
  reflowSteps(name: string): Promise<Record<string, number>>;
  /** Makes a text of about `bytes` UTF-8 bytes, `anchors` annotations on it and `edits` edits. */
  setupReanchor(bytes: number, anchors: number, edits: number): Promise<ReanchorSetup>;
  /** shared/anchor.ts `reanchor` on the edited text, for a group of the anchors. */
  reanchor(group: AnchorGroup, withOldText: boolean): Promise<ReanchorResult>;
  /** The baseline: `newText.indexOf(quote)` for every anchor; how many were found. */
  indexOfEach(): Promise<{ ms: number; found: number }>;
  /** Writes the unedited document and all the anchors as its annotations (ms); before each of the three below. */
  seedReplace(): Promise<number>;
  /** The app's replaceText with the edited text, on the seeded document. */
  replaceText(): Promise<ReplaceResult>;
  /** Its least: decode, indexOf each quote, one transaction writing text and annotations. */
  replaceBaseline(): Promise<number>;
  /** replaceText's steps, one at a time (ms each). */
  replaceSteps(): Promise<Record<string, number>>;

  /** Makes the search and table library in the page: `docs` documents, about `bytes` of UTF-8, `annotations`. */
  makeLibrary(docs: number, bytes: number, annotations: number): Promise<LibraryInfo>;
  /** Writes that library into the app's database (the app must have seeded its codebook). */
  seedLibrary(): Promise<{ docsMs: number; annotationsMs: number }>;
  /** Makes the big library in the page: `docs` short documents (2–20 KB), `annotations` over them. */
  makeScaleLibrary(docs: number, annotations: number): Promise<ScaleLibraryInfo>;
  /** Writes it into the app's database, with setting lastDocument = its newest document. */
  seedScaleLibrary(): Promise<{ docsMs: number; annotationsMs: number }>;
  /** The baseline: open 'claimmark' and read every document record in one readonly transaction. */
  rawDocumentList(): Promise<{ ms: number; records: number }>;
  /** The reads a start makes on it, each alone (median ms), with `rows` rows on screen. */
  startReads(docId: string, rows: number, reps: number): Promise<Record<string, number>>;
  /** shared/find.ts searchLibrary: folds everything, then searches (a first search). */
  searchFirst(query: string): Promise<SearchRun>;
  /** The first search's steps through a LibraryIndex, which is then kept (ms each). */
  searchFirstSteps(query: string): Promise<Record<string, number>>;
  /** A search on the kept LibraryIndex (folded already). */
  searchKept(query: string): Promise<SearchRun>;
  /** The baseline: every occurrence of `needle` by indexOf in the texts, quotes and notes. */
  searchIndexOf(needle: string): Promise<SearchRun>;
  /**
   * A new worker client, its worker reading the seeded 'claimmark' database
   * itself: search until every hit has arrived (`ms`), and when the first did.
   */
  workerFirst(query: string): Promise<SearchRun & { firstMs: number }>;
  /** A search on the worker client made by workerFirst. */
  workerSearch(query: string): Promise<SearchRun>;
  workerDispose(): Promise<void>;
  /**
   * The search baseline: every text of the app's database read once
   * (`db.texts.toArray()`, `ms`), then, timed apart, every annotation.
   */
  searchReadTexts(): Promise<{
    ms: number;
    texts: number;
    units: number;
    annotationsMs: number;
    annotations: number;
  }>;
  /** The table model's operation `op` on the library's annotations. */
  tableRun(op: TableOp): Promise<TableRun>;
  /** The same operation in plain JavaScript on the same row objects. */
  tableBaseline(op: TableOp): Promise<TableRun>;
  /** The All annotations view's reads from the app's database, and what it should then show. */
  tableReads(): Promise<TableExpectation>;
  /** Generates the claims texts: `bytes` of UTF-8 to detect in, `claims` claims to index. */
  setupClaims(bytes: number, claims: number): Promise<ClaimsSetup>;
  /** detectClaims on the text, or the baseline: split at 。！？ and test each sentence for a digit. */
  detectRun(baseline: boolean): Promise<DetectRun>;
  /**
   * Builds a ClaimIndex over the claims reading their texts ('fresh'), or from the figure
   * records stored with them ('stored', a start), or the baseline: a Map from figure key to claim.
   */
  indexBuild(mode: 'fresh' | 'stored' | 'map'): Promise<number>;
  /** Matches of `count` claims, one query each (ms per query), or the baseline: a scan of every figure. */
  indexQueries(count: number, baseline: boolean): Promise<{ ms: number[]; links: number }>;
}

export interface ClaimsSetup {
  chars: number;
  claims: number;
  figures: number;
  documents: number;
}

export interface DetectRun {
  ms: number;
  /** Candidates (detectClaims) or sentences with a digit (baseline). */
  found: number;
  quantities: number;
}

export interface Check {
  name: string;
  /** Holds when a matching element is there (or, with `absent`, when none is). */
  selector: string;
  absent?: boolean;
  /** Holds once this phase (ProbeResult.events) has happened, instead of the selector. */
  event?: string;
  /** The element's text must contain this (or equal it, with `exact`). */
  text?: string;
  exact?: boolean;
  /** Some matching element must be (partly) inside this element's box: on screen, not just in the DOM. */
  visibleIn?: string;
}

export interface ProbeResult {
  /** ms after the trigger at which each check first held, seen from a frame callback. */
  marks: Record<string, number>;
  /** ms after the trigger of phases seen in passing (worker messages, IndexedDB commit). */
  events: Record<string, number>;
  /** How often something happened after the trigger: 'texts read' = read-only transactions on the texts store. */
  counts: Record<string, number>;
  done: number | null;
  /** performance.now() of the trigger, in the page's time. */
  startedAt: number;
  longTasks: { count: number; totalMs: number; maxMs: number };
  timedOut: boolean;
}

export interface ProbeApi {
  /** Starts timing at the next `trigger` event on the document (capture), or at once. */
  arm(trigger: Trigger, checks: Check[], timeoutMs: number): void;
  result(): Promise<ProbeResult>;
  /** Scrolls the page's CodeMirror view to `pos` (centre); false if no view is found. */
  scrollReader(pos: number): boolean;
  /** Focuses the reader and selects `length` characters `skip` after the first one on screen. */
  selectInReader(skip: number, length: number): string | null;
}

export type Trigger = 'click' | 'change' | 'input' | 'keydown' | 'now';

declare global {
  interface Window {
    bench: BenchApi;
    benchProbe: ProbeApi;
  }
}
