import { describe, expect, it } from 'vitest';
import { reflow } from './reflow-em';
import { makePage } from './test-support/page-content';
import { typesetPage } from './test-support/typeset';

const squash = (l: string): string => l.replace(/\s/g, '');

/** Pages typeset in ems (widths 14–18 em, columns 20–49 lines, headlines before or after). */
function pages(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const seed = i + 1;
    const page = typesetPage(makePage('zh', seed), {
      width: 14 + (seed % 5),
      height: 20 + (seed % 30),
      headlinesAfter: seed % 2 === 0,
      lang: 'zh',
      seed,
    });
    const got = reflow(page.text).text.split('\n').map(squash);
    return { page, exact: JSON.stringify(got) === JSON.stringify(page.lines.map(squash)) };
  });
}

describe('em-width reflow on typeset newspaper pages', () => {
  it('restores every paragraph of pages without a line pushed short by an unbreakable run', () => {
    const plain = pages(300).filter((p) => p.page.pushed === 0);
    expect(plain.length).toBeGreaterThan(30);
    for (const p of plain) expect(p.exact, p.page.text.slice(0, 200)).toBe(true);
  });

  it('restores at least 97% of all pages exactly', () => {
    const all = pages(300);
    expect(all.filter((p) => p.exact).length).toBeGreaterThanOrEqual(291);
  });
});
