import { describe, expect, it } from 'vitest';
import { detectStructure } from '../structure';
import { structureFromHeadings } from './outline';

// Lines a guess would get wrong: a long headline, and a short line ending without a full stop.
const text = [
  'A long headline that runs on and on about the industrial output figures of the third quarter',
  'Output rose 5.8 per cent in the first three quarters, the statistics bureau said.',
  'Short line without a stop',
  'High-tech manufacturing leads',
  'It grew 9.6 per cent.',
  '',
  '第二篇文章的标题',
  '正文。',
].join('\n');
const at = (line: string) => text.indexOf(line);

describe('structureFromHeadings', () => {
  const headings = [
    { start: 0, level: 1 as const },
    { start: at('High-tech'), level: 2 as const },
    { start: at('第二篇'), level: 1 as const },
  ];

  it('makes exactly the file’s headings the outline, articles at level 1', () => {
    const s = structureFromHeadings(text, headings);
    expect(s.outline.map((o) => [o.level, o.title, o.article])).toEqual([
      [1, text.split('\n')[0], 0],
      [2, 'High-tech manufacturing leads', 0],
      [1, '第二篇文章的标题', 1],
    ]);
    expect(s.articles.map((a) => [a.start, a.end])).toEqual([
      [0, at('第二篇')],
      [at('第二篇'), text.length],
    ]);
    expect(s.lines.find((l) => l.text === 'Short line without a stop')?.kind).toBe('paragraph');
  });

  it('applies the user’s promote and demote on top', () => {
    const s = structureFromHeadings(text, headings, {
      promote: [at('Short line')],
      demote: [at('High-tech')],
    });
    expect(s.outline.map((o) => o.title)).toEqual([
      text.split('\n')[0],
      'Short line without a stop',
      '第二篇文章的标题',
    ]);
  });

  it('is what detectStructure gives when the file has headings', () => {
    expect(detectStructure(text, undefined, headings)).toEqual(
      structureFromHeadings(text, headings),
    );
  });

  it('keeps text before the first headline as an untitled article', () => {
    const s = structureFromHeadings('Preface.\nTitle\nBody.', [{ start: 9, level: 1 }]);
    expect(s.articles).toEqual([
      { start: 0, end: 9, title: '' },
      { start: 9, end: 20, title: 'Title' },
    ]);
  });
});
