import { describe, expect, it } from 'vitest';
import { detectStructure, sectionAt } from '../../shared/structure';
import { annotation, doc } from './fixtures';
import { StructureCache, computeSections } from './sections';
import { buildRows } from './table-model';

const LONG_ZH =
  '内蒙古聚焦高质量发展,紧扣铸牢中华民族共同体意识工作主线,建设我国向北开放重要桥头堡,弘扬蒙古马精神,经济发展取得可喜成果。';
const TEXT = ['报告标题', LONG_ZH, '一、总体要求', LONG_ZH, '二、主要任务', LONG_ZH].join('\n');
const at = (s: string, from = 0) => TEXT.indexOf(s, from);

describe('sections', () => {
  const d = doc('d1', '报告', '2026-01-01T00:00:00Z');
  const annotations = [
    annotation('intro', 'd1', at(LONG_ZH)),
    annotation('first', 'd1', at(LONG_ZH, at('一、'))),
    annotation('second', 'd1', at(LONG_ZH, at('二、'))),
    annotation('lost', 'd1', at(LONG_ZH, at('二、')), { orphaned: true }),
    annotation('other', 'd2', 0),
  ];
  const rows = buildRows(annotations, [d, doc('d2', 'Other', '2026-01-02T00:00:00Z')], []);

  it('gives each annotation the heading above it, as the CSV does', () => {
    const cache = new StructureCache();
    const sections = computeSections(rows, new Map([['d1', cache.put(d, TEXT)]]));
    const full = detectStructure(TEXT);
    expect(sections.get('intro')).toBe('报告标题');
    expect(sections.get('first')).toBe('一、总体要求');
    expect(sections.get('second')).toBe(sectionAt(full, at(LONG_ZH, at('二、'))));
    expect(sections.get('second')).toBe('二、主要任务');
    expect(sections.get('lost')).toBe('');
    // Documents whose structure is not known yet have no entry.
    expect(sections.has('other')).toBe(false);
  });

  it('keeps a structure until the text or its heading overrides change', () => {
    const cache = new StructureCache();
    const kept = cache.put(d, TEXT);
    expect(kept.lines.every((l) => l.text === '')).toBe(true);
    expect(cache.get(d)).toBe(kept);
    expect(cache.get({ ...d, sha256: 'changed', length: 5 })).toBeUndefined();
    expect(cache.get({ ...d, headingOverrides: { promote: [], demote: [0] } })).toBeUndefined();
    cache.retain(new Set(['d2']));
    expect(cache.get(d)).toBeUndefined();
  });
});
