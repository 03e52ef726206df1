/**
 * The title a newly opened document gets: its first headline (as the outline
 * finds it: kickers, markers, bylines and source lines are not headlines), else
 * its first line; past about 40 em (40 ideographs, 80 Latin characters) cut at
 * the last clause boundary, ending in "…".
 */

import { detectStructure } from './structure';

/** How much of the text is searched for a headline: a 10 MB text may be one line. */
const HEAD_CHARS = 12_000;
const CLAUSE = new Set('，,；;：:、。！？!?—'.split(''));

/** `line` shortened to `max` code points at a clause boundary (or a space), with "…". */
function shorten(line: string, max: number): string {
  const points = Array.from(line);
  if (points.length <= max) return line;
  let cut = -1;
  for (let i = max - 1; i >= max / 4 && cut < 0; i--) if (CLAUSE.has(points[i]!)) cut = i;
  for (let i = max - 1; i >= max / 2 && cut < 0; i--) if (points[i] === ' ') cut = i;
  const kept = points.slice(0, cut < 0 ? max - 1 : cut).join('');
  return kept.replace(/[\s，,；;：:、—]+$/u, '') + '…';
}

export function defaultTitle(text: string, fallback: string): string {
  const first = /\S/.exec(text);
  if (!first) return fallback;
  let end = Math.min(text.length, first.index + HEAD_CHARS);
  const nl = end < text.length ? text.lastIndexOf('\n', end) : -1;
  if (nl > first.index) end = nl;
  const head = text.slice(0, end);
  const { outline } = detectStructure(head);
  const entry = outline.find((o) => o.level === 1) ?? outline[0];
  const lineEnd = head.indexOf('\n', first.index);
  const line = (entry?.title ?? head.slice(first.index, lineEnd < 0 ? end : lineEnd)).trim();
  const cjk =
    (line.match(/[\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{3ffff}]/gu)?.length ?? 0) * 2;
  return shorten(line, cjk >= Array.from(line).length ? 40 : 80);
}
