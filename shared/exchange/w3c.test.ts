import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, annotationsToW3c } from './w3c';
import { ANNOTATIONS, PROJECT, TEXT_A, TEXT_B } from './test-project';

const collection = annotationsToW3c(PROJECT);
const items = collection.first.items;
const texts = new Map([
  [`urn:uuid:${PROJECT.documents[0]?.doc.id}`, TEXT_A],
  [`urn:uuid:${PROJECT.documents[1]?.doc.id}`, TEXT_B],
]);

describe('annotationsToW3c', () => {
  it('is an AnnotationCollection with the Web Annotation context, which is named, not fetched', () => {
    expect(collection).toMatchObject({
      '@context': ANNO_CONTEXT,
      type: 'AnnotationCollection',
      total: 4,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(ANNO_CONTEXT).toBe('http://www.w3.org/ns/anno.jsonld');
    // The orphan has no place in its text: left out.
    expect(items.map((a) => a.target.selector[0].exact)).not.toContain('gone words');
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });

  it('every position selector slices its text, in code points, to the exact quote and its context', () => {
    for (const a of items) {
      const [quote, position] = a.target.selector;
      const points = [...(texts.get(a.target.source.id) ?? '')];
      expect(points.slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(points.slice(0, position.start).join('').endsWith(quote.prefix)).toBe(true);
      expect(points.slice(position.end).join('').startsWith(quote.suffix)).toBe(true);
    }
    // After 𠀀𠀀 (two code points, four UTF-16 units) and 😀.
    const emoji = items.find((a) => a.target.selector[0].exact === '😀 结尾');
    expect(emoji?.target.selector[1].start).toBe([...TEXT_A.slice(0, TEXT_A.indexOf('😀'))].length);
    expect(emoji?.target.selector[1].end).toBe((emoji?.target.selector[1].start ?? 0) + 4);
  });

  it('tags with each category, comments with the note, and names the coder and dates', () => {
    const [first] = items;
    const original = ANNOTATIONS[0];
    expect(first?.body).toEqual([
      expect.objectContaining({ type: 'TextualBody', purpose: 'tagging', value: 'Statistic 数据' }),
      expect.objectContaining({ purpose: 'tagging', value: 'GDP' }),
      { type: 'TextualBody', purpose: 'commenting', value: original?.note, format: 'text/plain' },
      expect.objectContaining({ purpose: 'assessing', value: 'disputed' }),
      expect.objectContaining({ purpose: 'describing', value: 'Speaker: 政府' }),
      expect.objectContaining({ purpose: 'describing', value: `Evidence: ${original?.evidence}` }),
    ]);
    expect(first).toMatchObject({
      type: 'Annotation',
      id: `urn:uuid:${original?.id}`,
      creator: { type: 'Person', name: '李明' },
      created: original?.createdAt,
      modified: original?.updatedAt,
    });
    // No coder recorded: no creator.
    const anonymous = items.find((a) => a.target.selector[0].exact === '13908亿斤');
    expect(anonymous && 'creator' in anonymous).toBe(false);
  });

  it('gives the same ids on every export', () => {
    const again = annotationsToW3c({ ...PROJECT, now: new Date('2030-01-01T00:00:00Z') });
    expect(again.id).toBe(collection.id);
    expect(again.first.items.map((a) => a.id)).toEqual(items.map((a) => a.id));
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
  });
});
