/**
 * The structure of a text whose file marks its own headings (PDF, DOCX,
 * HTML): the outline is those headings, by construction, not a guess from
 * line shapes. The user's promote/demote still apply on top. A level-1
 * heading opens an article; levels 2 and 3 are its sections (the outline
 * has two levels).
 */
import type { HeadingOverrides, OutlineEntry, Structure, StructureLine } from '../structure';
import type { ExtractedHeading } from './types';

export function structureFromHeadings(
  text: string,
  headings: readonly ExtractedHeading[],
  overrides?: HeadingOverrides,
): Structure {
  const level = new Map(headings.map((h) => [h.start, h.level]));
  const promote = new Set(overrides?.promote);
  const demote = new Set(overrides?.demote);
  const lines: StructureLine[] = [];
  const outline: OutlineEntry[] = [];
  const articles: Structure['articles'] = [];
  for (let start = 0, index = 0; start <= text.length; index++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    const title = line.trim();
    const fileLevel = level.get(start);
    const isHeading =
      title !== '' && !demote.has(start) && (fileLevel !== undefined || promote.has(start));
    lines.push({
      index,
      start,
      end,
      kind: title === '' ? 'blank' : isHeading ? 'heading' : 'paragraph',
      text: line,
    });
    if (isHeading) {
      const entryLevel = fileLevel === 1 ? 1 : 2;
      if (entryLevel === 1) {
        const last = articles[articles.length - 1];
        if (last) last.end = start;
        else if (text.slice(0, start).trim()) articles.push({ start: 0, end: start, title: '' });
        articles.push({ start, end: text.length, title });
      }
      const lead = line.length - line.trimStart().length;
      outline.push({
        start: start + lead,
        end: start + lead + title.length,
        title,
        level: entryLevel,
        article: Math.max(0, articles.length - 1),
      });
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  if (articles.length === 0) articles.push({ start: 0, end: text.length, title: '' });
  return { lines, outline, articles, titlesAfter: false };
}
