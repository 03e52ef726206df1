/**
 * Injected into every page of the benchmark's browser (as an init script, so
 * the app itself is unchanged). It times, inside the page, from a user event
 * to the first animation frame at which the DOM shows what the user waits for,
 * and counts the long tasks in between.
 */
import type { Check, ProbeApi, ProbeResult } from './api';

interface State {
  t0: number | null;
  armedAt: number;
  checks: Check[];
  timeoutMs: number;
  marks: Record<string, number>;
  events: Record<string, number>;
  counts: Record<string, number>;
  tasks: PerformanceEntry[];
  observer: PerformanceObserver | null;
  resolve: ((r: ProbeResult) => void) | null;
  promise: Promise<ProbeResult>;
}

let state: State | null = null;

/** Records the first time `name` happens after the trigger (a phase of the action). */
function note(name: string): void {
  const s = state;
  if (!s?.resolve || s.t0 === null || name in s.events) return;
  s.events[name] = performance.now() - s.t0;
}

// Phases seen from outside the app, without changing it: the decode worker's
// messages and the first read-write IndexedDB transaction.
const NativeWorker = window.Worker;
window.Worker = class extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    note('worker created');
    this.addEventListener('message', () => note('worker replied'));
  }
  override postMessage(
    message: unknown,
    options?: Transferable[] | StructuredSerializeOptions,
  ): void {
    note('posted to worker');
    if (Array.isArray(options)) super.postMessage(message, options);
    else super.postMessage(message, options);
  }
};
const nativeTransaction = IDBDatabase.prototype.transaction;
IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
  const tx = nativeTransaction.apply(this, args);
  // Reads of the document texts (each one of a whole library when the search panel loads them).
  if (state?.resolve && state.t0 !== null && tx.mode === 'readonly') {
    if ([...tx.objectStoreNames].includes('texts'))
      state.counts['texts read'] = (state.counts['texts read'] ?? 0) + 1;
  }
  if (tx.mode === 'readwrite' && state?.t0 != null && !('rw transaction opened' in state.events)) {
    note('rw transaction opened');
    tx.addEventListener('complete', () => note('rw transaction committed'));
  }
  return tx;
} as typeof nativeTransaction;

function matches(el: Element, check: Check): boolean {
  if (check.text !== undefined) {
    const text = el.textContent ?? '';
    if (check.exact ? text.trim() !== check.text : !text.includes(check.text)) return false;
  }
  if (!check.visibleIn) return true;
  const box = document.querySelector(check.visibleIn)?.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return !!box && r.bottom > box.top && r.top < box.bottom && r.height > 0;
}

function holds(check: Check, events: Record<string, number>): boolean {
  if (check.event) return check.event in events;
  if (check.absent)
    return ![...document.querySelectorAll(check.selector)].some((el) => matches(el, check));
  if (!check.visibleIn) {
    const el = document.querySelector(check.selector);
    return !!el && matches(el, check);
  }
  return [...document.querySelectorAll(check.selector)].some((el) => matches(el, check));
}

function finish(s: State, timedOut: boolean): void {
  s.tasks.push(...(s.observer?.takeRecords() ?? []));
  s.observer?.disconnect();
  const t0 = s.t0 ?? s.armedAt;
  const tasks = s.tasks.filter((e) => e.startTime + e.duration > t0);
  const values = Object.values(s.marks);
  s.resolve?.({
    marks: s.marks,
    events: s.events,
    counts: s.counts,
    done: timedOut ? null : Math.max(0, ...values),
    startedAt: t0,
    longTasks: {
      count: tasks.length,
      totalMs: tasks.reduce((sum, e) => sum + e.duration, 0),
      maxMs: tasks.reduce((max, e) => Math.max(max, e.duration), 0),
    },
    timedOut,
  });
  s.resolve = null;
}

function frame(s: State): void {
  if (s !== state || !s.resolve) return;
  const now = performance.now();
  if (s.t0 !== null) {
    for (const check of s.checks) {
      if (!(check.name in s.marks) && holds(check, s.events)) s.marks[check.name] = now - s.t0;
    }
    if (s.checks.every((c) => c.name in s.marks)) return finish(s, false);
  }
  if (now - (s.t0 ?? s.armedAt) > s.timeoutMs) return finish(s, true);
  requestAnimationFrame(() => frame(s));
}

const probe: ProbeApi = {
  arm(trigger, checks, timeoutMs) {
    let resolve: State['resolve'] = null;
    const promise = new Promise<ProbeResult>((r) => (resolve = r));
    const s: State = {
      t0: trigger === 'now' ? performance.now() : null,
      armedAt: performance.now(),
      checks,
      timeoutMs,
      marks: {},
      events: {},
      counts: {},
      tasks: [],
      observer: null,
      resolve,
      promise,
    };
    state = s;
    if (trigger !== 'now') {
      const start = () => {
        if (s.t0 === null) s.t0 = performance.now();
      };
      document.addEventListener(trigger, start, { capture: true, once: true });
    }
    if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
      s.observer = new PerformanceObserver((list) => s.tasks.push(...list.getEntries()));
      s.observer.observe({ type: 'longtask' });
    }
    requestAnimationFrame(() => frame(s));
  },
  result() {
    if (!state) return Promise.reject(new Error('benchProbe.arm was not called'));
    return state.promise;
  },
  scrollReader(pos) {
    const view = readerView();
    if (!view) return false;
    view.dispatch({ effects: view.constructor.scrollIntoView(pos, { y: 'center' }) });
    return true;
  },
  selectInReader(skip, length) {
    const view = readerView();
    if (!view) return null;
    // The first line 100 px below the top of the reader's visible area.
    const from = view.lineBlockAtHeight(view.scrollDOM.scrollTop + 100).from + skip;
    view.focus();
    view.dispatch({ selection: { anchor: from, head: from + length } });
    return view.state.sliceDoc(from, from + length);
  },
};

interface ViewLike {
  dispatch(spec: { effects?: unknown; selection?: { anchor: number; head: number } }): void;
  focus(): void;
  scrollDOM: HTMLElement;
  lineBlockAtHeight(height: number): { from: number };
  state: { sliceDoc(from: number, to: number): string };
  constructor: { scrollIntoView(pos: number, options: { y: string }): unknown };
}

/** The app's CodeMirror view: CodeMirror keeps it on the content element (`cmTile` in 6.4x). */
function readerView(): ViewLike | null {
  type Tiled = Element & { cmTile?: { root?: { view?: ViewLike } } };
  const content = document.querySelector('.cm-content') as Tiled | null;
  return content?.cmTile?.root?.view ?? null;
}

window.benchProbe = probe;
