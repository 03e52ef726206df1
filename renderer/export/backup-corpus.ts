import type { Backup } from './backup';

/**
 * Malformed backups, generated from a valid one by spoiling one field or
 * record at a time: each must be refused by `parseBackup` before anything is
 * asked or replaced, with an error that starts with `record` (the collection,
 * index and id of the record at fault).
 */
export interface SpoiledBackup {
  name: string;
  backup: Backup;
  /** How the error names the record at fault, e.g. `annotations[0] (id "a1")`. */
  record: string;
}

const q = (s: string): string => JSON.stringify(s);

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`backupCorpus needs a backup with ${what}`);
  return value;
}

/**
 * The corpus. `valid` needs two documents or more, an annotation (not
 * orphaned), two categories, and a text, source, original, setting and
 * dismissal; it is not changed.
 */
export function backupCorpus(valid: Backup): SpoiledBackup[] {
  const doc = need(valid.documents[1], 'two documents');
  const annotation = need(
    valid.annotations.find((a) => !a.orphaned),
    'an annotation',
  );
  const ai = valid.annotations.indexOf(annotation);
  const text = need(valid.texts.find((t) => t.docId === annotation.docId)?.text, 'its text');
  const [c0, c1] = [need(valid.categories[0], 'a category'), need(valid.categories[1], 'two')];
  const original = need(valid.originals[0], 'an original');
  const setting = need(valid.settings[0], 'a setting');
  const dismissals = need(valid.dismissals, 'dismissals');
  const dismissal = need(dismissals[0], 'a dismissal');

  const out: SpoiledBackup[] = [];
  const add = (name: string, record: string, spoil: (b: Backup) => void): void => {
    const backup = structuredClone(valid);
    spoil(backup);
    out.push({ name, backup, record });
  };
  const annotationAt = `annotations[${ai}] (id ${q(annotation.id)})`;
  const setAnnotation = (b: Backup, patch: Partial<Backup['annotations'][number]>): void => {
    b.annotations[ai] = { ...annotation, ...patch };
  };
  const appended = <T>(list: readonly T[], collection: string, key: string, value: string) =>
    `${collection}[${list.length}] (${key} ${q(value)})`;

  add('exportedAt that is not a date', 'exportedAt', (b) => {
    b.exportedAt = 'not a date';
  });

  // Ranges.
  add('an annotation that ends before it starts', annotationAt, (b) =>
    setAnnotation(b, { start: annotation.end + 1, end: annotation.end }),
  );
  add('an orphaned annotation that ends before it starts', annotationAt, (b) =>
    setAnnotation(b, { start: annotation.end + 1, end: annotation.end, orphaned: true }),
  );
  add('an annotation that ends past the end of its text', annotationAt, (b) =>
    setAnnotation(b, { end: text.length + 1 }),
  );
  add('an annotation that lies wholly past the end of its text', annotationAt, (b) =>
    setAnnotation(b, { start: text.length + 5, end: text.length + 10 }),
  );

  // Documents and what belongs to them.
  const di = valid.documents.indexOf(doc);
  const docAt = `documents[${di}] (id ${q(doc.id)})`;
  add('a document without its text', docAt, (b) => {
    b.texts = b.texts.filter((t) => t.docId !== doc.id);
  });
  add('a document without its bytes', docAt, (b) => {
    b.sources = b.sources.filter((s) => s.docId !== doc.id);
  });
  const nowhere = 'no-such-document';
  add('a text of a missing document', appended(valid.texts, 'texts', 'docId', nowhere), (b) => {
    b.texts.push({ docId: nowhere, text: 'x' });
  });
  add('bytes of a missing document', appended(valid.sources, 'sources', 'docId', nowhere), (b) => {
    b.sources.push({ docId: nowhere, base64: 'eA==' });
  });
  add(
    'an original of a missing document',
    appended(valid.originals, 'originals', 'docId', nowhere),
    (b) => {
      b.originals.push({ ...original, docId: nowhere });
    },
  );
  add('an annotation of a missing document', annotationAt, (b) =>
    setAnnotation(b, { docId: nowhere }),
  );
  add('a dismissal of a missing document', `dismissals[0] (id ${q(dismissal.id)})`, (b) => {
    (b.dismissals ?? [])[0] = { ...dismissal, docId: nowhere };
  });

  // Categories.
  add('an unknown category on an annotation', annotationAt, (b) =>
    setAnnotation(b, { categoryIds: [...annotation.categoryIds, 'no-such-category'] }),
  );
  add('an empty category id on an annotation', annotationAt, (b) =>
    setAnnotation(b, { categoryIds: [''] }),
  );
  add('a category that is its own parent', `categories[0] (id ${q(c0.id)})`, (b) => {
    b.categories[0] = { ...c0, parentId: c0.id };
  });
  add('two categories that are each other’s parent', `categories[0] (id ${q(c0.id)})`, (b) => {
    b.categories[0] = { ...c0, parentId: c1.id };
    b.categories[1] = { ...c1, parentId: c0.id };
  });
  add('a category whose parent is missing', `categories[1] (id ${q(c1.id)})`, (b) => {
    b.categories[1] = { ...c1, parentId: 'no-such-category' };
  });

  // Duplicate ids, one collection at a time.
  const first = need(valid.documents[0], 'a document');
  add('two documents with one id', appended(valid.documents, 'documents', 'id', first.id), (b) => {
    b.documents.push({ ...first, sha256: 'f'.repeat(64), title: 'Copy' });
  });
  add(
    'two documents with one text (sha256)',
    appended(valid.documents, 'documents', 'id', 'copy'),
    (b) => {
      b.documents.push({ ...first, id: 'copy' });
    },
  );
  add(
    'two annotations with one id',
    appended(valid.annotations, 'annotations', 'id', annotation.id),
    (b) => {
      b.annotations.push({ ...annotation, note: 'copy' });
    },
  );
  add('two categories with one id', appended(valid.categories, 'categories', 'id', c0.id), (b) => {
    b.categories.push({ ...c0, name: 'Copy' });
  });
  const t0 = need(valid.texts[0], 'a text');
  add('two texts of one document', appended(valid.texts, 'texts', 'docId', t0.docId), (b) => {
    b.texts.push({ ...t0 });
  });
  const s0 = need(valid.sources[0], 'a source');
  add('two sources of one document', appended(valid.sources, 'sources', 'docId', s0.docId), (b) => {
    b.sources.push({ ...s0 });
  });
  add(
    'two originals of one document',
    appended(valid.originals, 'originals', 'docId', original.docId),
    (b) => {
      b.originals.push(structuredClone(original));
    },
  );
  add(
    'two settings with one key',
    appended(valid.settings, 'settings', 'key', setting.key),
    (b) => {
      b.settings.push({ ...setting });
    },
  );
  add('two dismissals with one id', appended(dismissals, 'dismissals', 'id', dismissal.id), (b) => {
    b.dismissals?.push({ ...dismissal });
  });
  return out;
}
