import { describe, expect, it } from 'vitest';
import { reflow } from './reflow';
import { makePage } from './test-support/page-content';
import { typesetPage, type Page, type PageLang } from './test-support/typeset';
import { mulberry32 } from './wrap-fixtures';

const squash = (l: string): string => l.replace(/\s/g, '');

/** Offsets (in non-space characters) after which a paragraph ends. */
function cuts(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  let at = 0;
  for (const l of lines) out.add((at += squash(l).length));
  return out;
}

/** The cuts between the two lines of a two-line heading: kept or joined, both are right. */
function optional(page: Page): Set<number> {
  const at = [...cuts(page.lines)];
  return new Set(page.twoLine.map((i) => at[i]!));
}

/** The text as printed, less the hyphens a reflow may drop at line ends ("environ-\nmental"). */
const unhyphenated = (text: string): string =>
  squash(text.replace(/([a-z])-\n\n?(?=[a-z])/g, '$1'));

interface Result {
  page: Page;
  text: string;
  exact: boolean;
  /** Paragraph breaks reflow lost, and breaks it made inside a paragraph. */
  missed: number;
  extra: number;
}

/**
 * Random pages: Chinese columns 13–19 em wide, English 18–36 em; 15–50 lines
 * high; headlines before or after their article.
 */
function pages(lang: PageLang, count: number): Result[] {
  const rng = mulberry32(lang === 'zh' ? 7 : 8);
  return Array.from({ length: count }, (_, i) => {
    const width = lang === 'zh' ? 13 + Math.floor(rng() * 7) : 18 + Math.floor(rng() * 19);
    const height = 15 + Math.floor(rng() * 36);
    const page = typesetPage(makePage(lang, i + 1), {
      width,
      height,
      headlinesAfter: rng() < 0.5,
      lang,
      seed: i + 1,
    });
    const { text } = reflow(page.text);
    const either = optional(page);
    const got = [...cuts(text.split('\n'))].filter((c) => !either.has(c));
    const want = [...cuts(page.lines)].filter((c) => !either.has(c));
    const missed = want.filter((c) => !got.includes(c)).length;
    const extra = got.filter((c) => !want.includes(c)).length;
    return { page, text, exact: missed + extra === 0, missed, extra };
  });
}

const sum = (rs: Result[], f: (r: Result) => number): number => rs.reduce((s, r) => s + f(r), 0);

describe('reflow of typeset Chinese newspaper pages', () => {
  const all = pages('zh', 300);

  it('never adds, drops or reorders a character', () => {
    for (const r of all) expect(squash(r.text)).toBe(squash(r.page.text));
  });

  it('restores every page without a line pushed short by an unbreakable run', () => {
    const plain = all.filter((r) => r.page.pushed === 0);
    expect(plain.length).toBeGreaterThan(30);
    for (const r of plain) expect(r.exact, r.page.text.slice(0, 300)).toBe(true);
  });

  it('joins 99.9% of the breaks inside paragraphs and keeps 99.9% of paragraph breaks', () => {
    expect(all.filter((r) => r.exact).length).toBeGreaterThanOrEqual(291);
    expect(sum(all, (r) => r.extra)).toBeLessThanOrEqual(sum(all, (r) => r.page.joins) / 1000);
    expect(sum(all, (r) => r.missed)).toBeLessThanOrEqual(sum(all, (r) => r.page.breaks) / 1000);
  });
});

describe('reflow of typeset English newspaper pages', () => {
  const all = pages('en', 300);

  it('never adds, drops or reorders a character', () => {
    for (const r of all) expect(squash(r.text)).toBe(unhyphenated(r.page.text));
  });

  // A full last line followed by a full first line is a break no width can show
  // (page.ambiguous); the extra breaks left are full sentence ends before a column end.
  it('restores most pages without an ambiguous paragraph end exactly', () => {
    const plain = all.filter((r) => r.page.ambiguous === 0);
    expect(plain.length).toBeGreaterThan(50);
    expect(plain.filter((r) => r.exact).length).toBeGreaterThanOrEqual(plain.length * 0.85);
  });

  it('joins 99.5% of the breaks inside paragraphs and keeps 95% of paragraph breaks', () => {
    expect(sum(all, (r) => r.extra)).toBeLessThanOrEqual(sum(all, (r) => r.page.joins) / 200);
    const missed = sum(all, (r) => r.missed);
    expect(missed - sum(all, (r) => r.page.ambiguous)).toBeLessThanOrEqual(
      sum(all, (r) => r.page.breaks) / 100,
    );
    expect(missed).toBeLessThanOrEqual(sum(all, (r) => r.page.breaks) / 20);
  });
});
