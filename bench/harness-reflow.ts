/**
 * The harness's reflow measurements: the steps of an import that reflows a
 * hard-wrapped file (shared/reflow.ts through renderer/library/prepare-text.ts),
 * one at a time, and the plain decode they are compared with.
 */
import { decodeBytes } from '../shared/decode';
import { analyseWrap, maybeReflow, reflow } from '../shared/reflow';
import { sha256Hex } from '../shared/text';
import { ClaimmarkDB } from '../renderer/db/db';
import { runDecodeJob } from '../renderer/library/decode-job';
import { putTexts } from '../renderer/library/import-files';
import { prepareText } from '../renderer/library/prepare-text';
import type { BenchApi } from './api';
import { bytesOf, ms } from './harness-common';

const stepsDb = new ClaimmarkDB('bench-reflow');

export const reflowApi: Pick<BenchApi, 'plainDecode' | 'reflowSteps'> = {
  async plainDecode(name) {
    const bytes = bytesOf(name);
    const t0 = performance.now();
    const text = new TextDecoder('utf-8').decode(bytes);
    const elapsed = ms(t0);
    if (text.length === 0) throw new Error(`${name} decoded to nothing`);
    return elapsed;
  },

  async reflowSteps(name) {
    const bytes = bytesOf(name);
    const steps: Record<string, number> = {};
    const time = <T>(label: string, f: () => T): T => {
      const t0 = performance.now();
      const out = f();
      steps[label] = ms(t0);
      return out;
    };
    const decoded = time('decodeBytes (detect + decode + checks)', () => decodeBytes(bytes));
    if (!decoded.ok) throw new Error(`decode failed: ${decoded.error.code}`);
    const { text } = decoded.value;
    let t0 = performance.now();
    await sha256Hex(text);
    steps['sha256Hex (TextEncoder + digest)'] = ms(t0);
    const analysis = time('analyseWrap (detection alone: scan + column)', () => analyseWrap(text));
    if (!analysis.hardWrapped) throw new Error(`${name} not detected as hard-wrapped`);
    time('reflow() alone (scan + column + joins)', () => reflow(text));
    time('maybeReflow (what the import calls)', () => maybeReflow(text));
    const prepared = time("prepareText(text, 'auto')", () => prepareText(text, 'auto'));
    t0 = performance.now();
    const job = await runDecodeJob(bytes);
    steps['runDecodeJob in all (decode + SHA-256 + prepareText)'] = ms(t0);
    time("structuredClone of runDecodeJob's result (what the worker posts back)", () =>
      structuredClone(job),
    );
    const runs = prepared.original?.map.runs ?? [];
    time(
      `structuredClone of the offset map alone (${runs.length.toLocaleString('en')} numbers)`,
      () => structuredClone(runs),
    );
    await Promise.all([stepsDb.texts.clear(), stepsDb.originals.clear(), stepsDb.sources.clear()]);
    t0 = performance.now();
    await stepsDb.transaction('rw', [stepsDb.texts, stepsDb.originals], () =>
      putTexts(stepsDb, 'doc', prepared),
    );
    steps['putTexts: reflowed text + original + offset map, one transaction'] = ms(t0);
    t0 = performance.now();
    await stepsDb.sources.put({ docId: 'doc', bytes });
    steps['one put of the bytes alone'] = ms(t0);
    await Promise.all([stepsDb.texts.clear(), stepsDb.originals.clear(), stepsDb.sources.clear()]);
    return steps;
  },
};
