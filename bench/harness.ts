/**
 * The benchmark's in-page half, bundled by esbuild and served at /bench/ on
 * the app's own origin: it runs the app's real modules (import pipeline,
 * database, highlight field) and the baselines next to them, and can seed the
 * app's database ('claimmark') before the app is loaded.
 */
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import Dexie from 'dexie';
import { decodeBytes, DETECT_SAMPLE_BYTES, rankChinese } from '../shared/decode';
import { sha256Hex } from '../shared/text';
import type { Annotation, Category } from '../shared/types';
import { ClaimmarkDB } from '../renderer/db/db';
import { runDecodeJob } from '../renderer/library/decode-job';
import { importFiles } from '../renderer/library/import-files';
import { colorMap, highlights, setHighlights } from '../renderer/reader/highlights';
import type { BenchApi, Check } from './api';
import { anchorApi } from './harness-anchor';
import { dbApi } from './harness-db';
import { libraryApi } from './harness-library';
import { libraryScaleApi } from './harness-library-scale';
import { reflowApi } from './harness-reflow';
import { claimsApi } from './harness-claims';
import { searchApi } from './harness-search';
import { tableApi } from './harness-table';
import { annotationsFor, bytesOf, frame, load, ms, textOf, timeUntil } from './harness-common';

class Scratch extends Dexie {
  texts!: Dexie.Table<{ id: string; text: string }, string>;
  sources!: Dexie.Table<{ id: string; bytes: Uint8Array }, string>;
  constructor() {
    super('bench-scratch');
    this.version(1).stores({ texts: 'id', sources: 'id' });
  }
}
const scratch = new Scratch();
const importDb = new ClaimmarkDB('bench-import');

async function clearImportDb(): Promise<void> {
  await Promise.all(
    [importDb.documents, importDb.texts, importDb.originals, importDb.sources].map((t) =>
      t.clear(),
    ),
  );
}

/** A host the size of the app's reader column, so the views draw the same area. */
function host(): HTMLElement {
  const el = document.getElementById('host');
  if (!el) throw new Error('harness.html has no #host');
  el.replaceChildren();
  return el;
}

/** A codebook for the bare views, with the app's default colours. */
const CATEGORIES: Category[] = ['#e0a100', '#2f8fd8', '#3aa65b', '#b05cc6', '#e0513f'].map(
  (color, order) => ({
    id: `c${order}`,
    name: `c${order}`,
    color,
    description: '',
    order,
    parentId: null,
  }),
);

const showing = (text: string): Check => ({
  name: 'text',
  selector: '#host .cm-line',
  text,
  visibleIn: '#host .cm-scroller',
});

/** decodeBytes' costly steps, replicated from shared/decode.ts to see which one costs. */
function decodeParts(bytes: Uint8Array, encoding: string): Record<string, number> {
  const parts: Record<string, number> = {};
  const strict = (label: string) => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return null;
    }
  };
  let t0 = performance.now();
  bytes.includes(0);
  parts['  of which: scan for NUL bytes'] = ms(t0);
  t0 = performance.now();
  const utf8 = strict('utf-8');
  parts['  of which: strict UTF-8 attempt'] = ms(t0);
  if (utf8 === null) {
    t0 = performance.now();
    rankChinese(bytes.subarray(0, DETECT_SAMPLE_BYTES));
    parts['  of which: rankChinese on 64 KB (chardet + scores)'] = ms(t0);
    t0 = performance.now();
    strict(encoding);
    parts[`  of which: strict ${encoding} decode`] = ms(t0);
  }
  return parts;
}

const api: BenchApi = {
  load,

  async baselineImport(name, label, show) {
    const bytes = bytesOf(name);
    await scratch.texts.clear();
    const parent = host();
    await frame();
    if (!show) {
      const t0 = performance.now();
      const text = new TextDecoder(label).decode(bytes);
      await scratch.texts.put({ id: 'doc', text });
      return ms(t0);
    }
    let view: EditorView | null = null;
    // The start of the first line (a short headline may end before 10 characters).
    const start = textOf(name).slice(0, 10).split('\n')[0] ?? '';
    const elapsed = await timeUntil([showing(start)], async () => {
      const text = new TextDecoder(label).decode(bytes);
      await scratch.texts.put({ id: 'doc', text });
      view = new EditorView({
        parent,
        state: EditorState.create({ doc: text, extensions: [EditorView.lineWrapping] }),
      });
    });
    (view as EditorView | null)?.destroy();
    return elapsed;
  },

  async appImport(name) {
    const bytes = bytesOf(name);
    await clearImportDb();
    let decodeMs = 0;
    const t0 = performance.now();
    const [outcome] = await importFiles([{ ok: true, file: { name: `${name}`, bytes } }], {
      db: importDb,
      decode: async (...args: Parameters<typeof runDecodeJob>) => {
        const d0 = performance.now();
        const result = await runDecodeJob(...args);
        decodeMs = ms(d0);
        return result;
      },
      now: () => new Date(),
    });
    const total = ms(t0);
    const doc = outcome && 'doc' in outcome ? outcome.doc : null;
    return {
      ms: total,
      decodeMs,
      kind: outcome?.kind ?? 'none',
      encoding: doc?.encoding ?? '',
      sha256: doc?.sha256 ?? '',
      reflow: doc?.reflow ?? null,
    };
  },

  async importSteps(name) {
    const bytes = bytesOf(name);
    const steps: Record<string, number> = {};
    let t0 = performance.now();
    const decoded = decodeBytes(bytes);
    steps['decodeBytes (detect + decode + checks)'] = ms(t0);
    if (!decoded.ok) throw new Error(`decode failed: ${decoded.error.code}`);
    const { text, encoding } = decoded.value;
    Object.assign(steps, decodeParts(bytes, encoding));
    t0 = performance.now();
    await sha256Hex(text);
    steps['sha256Hex (TextEncoder + digest)'] = ms(t0);
    t0 = performance.now();
    await runDecodeJob(bytes);
    steps['runDecodeJob in all (the two above + reflow check)'] = ms(t0);
    await scratch.texts.clear();
    t0 = performance.now();
    await scratch.texts.put({ id: 'text', text });
    steps['one put of the text alone'] = ms(t0);
    t0 = performance.now();
    await scratch.sources.put({ id: 'bytes', bytes });
    steps['one put of the bytes alone'] = ms(t0);
    await Promise.all([scratch.texts.clear(), scratch.sources.clear()]);
    return steps;
  },

  async bareRender(name, marks) {
    const text = textOf(name);
    const parent = host();
    const ids = CATEGORIES.map((c) => c.id);
    const annotations = marks > 0 ? annotationsFor('bare', text, marks, ids) : [];
    const checks = [showing(text.slice(0, 10))];
    if (marks > 0) checks.push({ name: 'marks', selector: '#host .cm-content .cm-hl' });
    await frame();
    let view: EditorView | null = null;
    const elapsed = await timeUntil(checks, () => {
      view = new EditorView({
        parent,
        state: EditorState.create({
          doc: text,
          extensions: marks > 0 ? [EditorView.lineWrapping, highlights] : [EditorView.lineWrapping],
        }),
      });
      if (marks > 0) {
        view.dispatch({
          effects: setHighlights.of({ annotations, colors: colorMap(CATEGORIES), activeId: null }),
        });
      }
    });
    (view as EditorView | null)?.destroy();
    return elapsed;
  },

  async bareTag(name, marks) {
    const text = textOf(name);
    const annotations = annotationsFor('bare', text, marks, ['c0', 'c1', 'c2', 'c3', 'c4']);
    const view = new EditorView({
      parent: host(),
      state: EditorState.create({ doc: text, extensions: [EditorView.lineWrapping, highlights] }),
    });
    const colors = colorMap(CATEGORIES);
    const middle = annotations[annotations.length >> 1]?.start ?? 0;
    await timeUntil([{ name: 'marks', selector: '#host .cm-hl', visibleIn: '#host' }], () =>
      view.dispatch({
        effects: [
          setHighlights.of({ annotations, colors, activeId: null }),
          EditorView.scrollIntoView(middle, { y: 'center' }),
        ],
      }),
    );
    await importDb.annotations.clear();
    const added: Annotation = { ...annotations[0]!, id: 'new', start: middle, end: middle + 6 };
    const elapsed = await timeUntil(
      [{ name: 'active', selector: '#host .cm-hl-active', visibleIn: '#host .cm-scroller' }],
      async () => {
        await importDb.annotations.put(added);
        const next = [...annotations, added];
        view.dispatch({
          effects: setHighlights.of({ annotations: next, colors, activeId: 'new' }),
        });
      },
    );
    view.destroy();
    return elapsed;
  },

  async bareScroll(name, pos, snippet) {
    const text = textOf(name);
    const view = new EditorView({
      parent: host(),
      state: EditorState.create({ doc: text, extensions: [EditorView.lineWrapping] }),
    });
    await timeUntil([showing(text.slice(0, 10))], () => undefined);
    await frame();
    const elapsed = await timeUntil([showing(snippet)], () =>
      view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'center' }) }),
    );
    view.destroy();
    return elapsed;
  },

  ...dbApi,
  ...reflowApi,
  ...anchorApi,
  ...libraryApi,
  ...libraryScaleApi,
  ...searchApi,
  ...tableApi,
  ...claimsApi,
};

window.bench = api;
document.title = 'bench ready';
