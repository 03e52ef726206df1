import { createHash } from 'node:crypto';
import { generateText, makeSpans } from '../bench/generate';
import { anchorFields } from '../renderer/annotations/anchor-fields';
import { DEFAULT_CATEGORIES } from '../renderer/db/defaults';
import type { Annotation } from '../shared/types';

/**
 * A Claimmark backup made in Node, for the fault specs: `docs` generated
 * Chinese articles with `perDoc` annotations each, in the format the app
 * writes and restores (so a library of 20,000 annotations is one file chooser away).
 */
export function libraryBackup(docs: number, perDoc: number, seed = 1): Buffer {
  const categories = DEFAULT_CATEGORIES.map((c, i) => ({ ...c, id: `cat-${i}` }));
  const stamp = '2026-11-30T08:00:00.000Z';
  const documents = [];
  const texts = [];
  const sources = [];
  const annotations: Annotation[] = [];
  for (let d = 0; d < docs; d++) {
    const text = generateText(Math.max(4000, perDoc * 60), seed * 1000 + d);
    const bytes = Buffer.from(text, 'utf8');
    const id = `doc-${seed}-${d}`;
    documents.push({
      id,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      title: `第${d + 1}篇 ${text.slice(0, 12)}`,
      fileName: `article-${d + 1}.txt`,
      encoding: 'utf-8',
      bom: false,
      length: text.length,
      addedAt: new Date(Date.parse(stamp) + d * 1000).toISOString(),
      reflow: null,
    });
    texts.push({ docId: id, text });
    sources.push({ docId: id, base64: bytes.toString('base64') });
    makeSpans(text, perDoc, categories.length, seed + d).forEach((span, i) => {
      annotations.push({
        id: `${id}-a${i}`,
        docId: id,
        start: span.start,
        end: span.end,
        ...anchorFields(text, span.start, span.end),
        categoryIds: span.categories.map((c) => `cat-${c}`),
        note: '',
        status: 'unverified',
        speaker: '',
        evidence: '',
        createdAt: stamp,
        updatedAt: stamp,
      });
    });
  }
  const backup = {
    format: 'claimmark-backup',
    version: 1,
    exportedAt: stamp,
    documents,
    texts,
    originals: [],
    sources,
    annotations,
    categories,
    settings: [],
    dismissals: [],
  };
  return Buffer.from(JSON.stringify(backup), 'utf8');
}
