import { describe, expect, it } from 'vitest';
import type { AnchorInput, AnchorOutcome } from './anchor';
import { maxErrorsFor, reanchor, summarise } from './anchor';
import { contextAround } from './text';

/** An anchor on the `nth` occurrence of `quote` in `text`, with 32 characters of context. */
function anchorOf(text: string, quote: string, nth = 0, id = `a-${quote}`): AnchorInput {
  let start = text.indexOf(quote);
  for (let k = 0; k < nth; k++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  const end = start + quote.length;
  return { id, start, end, ...contextAround(text, start, end) };
}

/** `text` with `remove` units at `at` replaced by `insert`. */
const edit = (text: string, at: number, remove: number, insert: string): string =>
  text.slice(0, at) + insert + text.slice(at + remove);

const one = (text: string, a: AnchorInput, oldText?: string): AnchorOutcome => {
  const [o] = reanchor(text, [a], oldText === undefined ? {} : { oldText });
  if (!o) throw new Error('no outcome');
  return o;
};

const moved = (a: AnchorInput, how: 'exact' | 'fuzzy', start: number, end: number) => ({
  id: a.id,
  status: 'moved',
  how,
  start,
  end,
});

const EN =
  'The minister said on Tuesday that the new budget would cut spending on roads by ten ' +
  'percent. Critics said the cuts would hurt rural areas most. The minister rejected that ' +
  'claim in a later interview, calling it "plainly wrong".';
const ZH =
  '国务院新闻办公室今天举行发布会，介绍今年前三季度经济运行情况。国家统计局新闻发言人表示，' +
  '前三季度国内生产总值同比增长百分之五，经济运行总体平稳。发言人还说，就业形势保持稳定。';

// Quotes longer than 10 characters, so that one error inside them is allowed.
const CASES = [
  { lang: 'English', text: EN, quote: 'the cuts would hurt rural areas', ins: 'Opposition ' },
  { lang: 'Chinese', text: ZH, quote: '国内生产总值同比增长百分之五', ins: '据新华社报道，' },
];

describe.each(CASES)('reanchor ($lang)', ({ text, quote, ins }) => {
  const a = anchorOf(text, quote);
  const mid = a.start + Math.floor(quote.length / 2);

  it('keeps a quote whose text did not change', () => {
    expect(one(text, a)).toEqual({ id: a.id, status: 'kept', start: a.start, end: a.end });
  });

  it.each([
    ['insertion at the start of the text', 0, 0, ins, ins.length],
    ['insertion just before the quote', a.start, 0, ins, ins.length],
    ['deletion before the quote', 0, 5, '', -5],
    ['edit before the quote', 3, 4, ins, ins.length - 4],
  ])('moves the quote exactly after an %s', (_name, at, remove, insert, shift) => {
    const changed = edit(text, at, remove, insert);
    const o = one(changed, a);
    const start = a.start + shift;
    expect(o).toEqual(moved(a, 'exact', start, start + quote.length));
    expect(changed.slice(start, start + quote.length)).toBe(quote);
  });

  it.each([
    ['insertion just after the quote', a.end, 0, ins],
    ['deletion after the quote', a.end + 2, 6, ''],
    ['edit at the end of the text', text.length - 3, 3, ins],
  ])('keeps the quote after an %s', (_name, at, remove, insert) => {
    expect(one(edit(text, at, remove, insert), a).status).toBe('kept');
  });

  it.each([
    ['a substituted character', 1, '某', 0],
    ['an inserted character', 0, '某', 1],
    ['a deleted character', 1, '', -1],
  ])('moves the quote fuzzily to the right place after %s inside it', (_n, rm, insert, grow) => {
    const o = one(edit(text, mid, rm, insert), a);
    expect(o).toEqual(moved(a, 'fuzzy', a.start, a.end + grow));
  });

  it('moves a quote both shifted and edited inside', () => {
    const changed = edit(edit(text, mid, 1, '某'), 0, 0, ins);
    const start = a.start + ins.length;
    expect(one(changed, a)).toEqual(moved(a, 'fuzzy', start, start + quote.length));
  });

  it.each([
    ['rare: verified around their hits', '\n', 6000],
    ['common: the whole text is scanned', `${quote.slice(0, 3)}|`, 2100],
  ])('finds an edited quote far beyond the window (pieces %s)', (_name, filler, times) => {
    // The quote and its context move thousands of units away, three characters in the quote
    // change (only its fourth piece stays), and a copy without that context comes later.
    const far = filler.repeat(times) + '|';
    const changed3 = [1, 4, 7].reduce((q, i) => edit(q, i, 1, '某'), quote);
    const changed = far + a.prefix + changed3 + a.suffix + far + changed3;
    const start = far.length + a.prefix.length;
    expect(one(changed, a)).toEqual(moved(a, 'fuzzy', start, start + quote.length));
  });

  it('orphans a quote deleted entirely', () => {
    expect(one(edit(text, a.start, quote.length, ''), a)).toEqual({ id: a.id, status: 'orphaned' });
  });

  it('orphans a quote rewritten beyond a quarter of its length', () => {
    const half = Math.ceil(quote.length / 2);
    const changed = edit(text, a.start, half, '某'.repeat(half));
    expect(one(changed, a).status).toBe('orphaned');
  });
});

describe('reanchor: short quotes', () => {
  it('allows no errors up to 4 characters, one up to 10, a quarter beyond', () => {
    expect([2, 4, 5, 10, 11, 20, 40].map((n) => maxErrorsFor('字'.repeat(n)))).toEqual([
      0, 0, 1, 1, 2, 5, 10,
    ]);
    expect(maxErrorsFor('😀😀😀😀')).toBe(0); // four code points, eight UTF-16 units
  });

  it.each([
    ['就业', '就叶'],
    ['形势保持', '形式保持'],
  ])('orphans the CJK quote %s edited by one character', (quote, replaced) => {
    const a = anchorOf(ZH, quote);
    const changed = ZH.replace(quote, replaced);
    expect(one(changed, a)).toEqual({ id: a.id, status: 'orphaned' });
  });

  it('does not move a short quote to an occurrence that shares none of its context', () => {
    // '发言人' also appears later ("发言人还说"), with different text around it.
    const a = anchorOf(ZH, '发言人');
    const changed = ZH.replace('新闻发言人表示', '新闻发布人表示');
    expect(one(changed, a).status).toBe('orphaned');
  });

  it('moves a short quote whose context still agrees', () => {
    const a = anchorOf(ZH, '就业');
    const o = one('【本报讯】' + ZH, a);
    expect(o).toMatchObject({ status: 'moved', how: 'exact', start: a.start + 5 });
  });

  it('does not match "Linus" loosely to "chines"', () => {
    const text = 'Linus wrote the first version of the kernel.';
    const a = anchorOf(text, 'Linus');
    expect(one('The first kernel ran on IBM PC machines in 1991.', a).status).toBe('orphaned');
  });
});

describe('reanchor: duplicates', () => {
  it('chooses among exact matches by prefix and suffix', () => {
    const text = 'Alpha: the plan will work. Beta: the plan will work. Gamma: the plan will work.';
    const a = anchorOf(text, 'the plan will work', 1); // Beta's
    // The insertion brings Alpha's copy nearest to the old position, and "Gamma" is no longer
    // there to agree with Beta's suffix; still Beta's context agrees best.
    const changed = edit(text, 0, 0, 'Breaking news today. ').replace('Gamma', 'Delta');
    expect(one(changed, a)).toMatchObject({ status: 'moved', start: changed.indexOf('Beta') + 6 });
  });

  it('uses the suffix when the prefix is the same everywhere', () => {
    const pad = '-'.repeat(40);
    const text = `${pad}the plan will work.${pad}the plan will fail.${pad}`;
    const a = anchorOf(text, 'the plan', 1);
    // The first copy ends up nearest, and the end of the second's suffix changes.
    const changed = '+'.repeat(60) + edit(text, a.end + 30, 1, '=');
    expect(one(changed, a)).toMatchObject({ status: 'moved', how: 'exact', start: a.start + 60 });
  });

  it('breaks ties of identical context by nearness to the old position', () => {
    const unit = '-'.repeat(40) + 'the plan will work' + '-'.repeat(40);
    const text = unit + unit;
    const first = anchorOf(text, 'the plan will work', 0, 'first');
    const second = anchorOf(text, 'the plan will work', 1, 'second');
    expect(first.prefix).toBe(second.prefix);
    expect(first.suffix).toBe(second.suffix);
    const changed = 'X' + text;
    expect(reanchor(changed, [first, second])).toMatchObject([
      { id: 'first', status: 'moved', start: first.start + 1 },
      { id: 'second', status: 'moved', start: second.start + 1 },
    ]);
  });

  it('with the old text, maps unchanged trailing text instead of trusting a coincidence', () => {
    const old = 'Q: budget cuts, she said.';
    const a = anchorOf(old, 'budget cuts');
    const changed = 'A: budget cuts, he said. ' + old;
    // Without the old text the quote is still at its old position, so it is kept there.
    expect(one(changed, a)).toMatchObject({ status: 'kept', start: 3 });
    expect(one(changed, a, old)).toMatchObject({ status: 'moved', how: 'exact', start: 28 });
  });
});

describe('reanchor: bookkeeping', () => {
  it('gives every input exactly one outcome, in input order', () => {
    const quotes = ['plainly wrong', 'budget would cut', 'The minister', 'Critics said'];
    const anchors = quotes.map((q) => anchorOf(EN, q));
    anchors.push({ id: 'empty', start: 3, end: 3, quote: '', prefix: '', suffix: '' });
    anchors.push({ ...anchorOf(EN, 'Critics'), id: 'nan', start: NaN, prefix: '', suffix: '' });
    const changed = edit(EN, EN.indexOf('budget'), 16, '') + ' More text.';
    const out = reanchor(changed, anchors);
    expect(out.map((o) => o.id)).toEqual(anchors.map((a) => a.id));
    const statuses = out.map((o) => o.status).join(' ');
    expect(statuses).toBe('moved orphaned kept moved orphaned moved');
    expect(summarise(out)).toEqual({ kept: 1, moved: 3, orphaned: 2 });
    expect(reanchor(EN, [])).toEqual([]);
    expect(summarise([])).toEqual({ kept: 0, moved: 0, orphaned: 0 });
  });
});

/** Deterministic PRNG (mulberry32), so the scale test is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs of pseudo-Chinese (3,000 distinct ideographs) and pseudo-English words. */
function prose(rand: () => number, length: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'pu', 'shi', 'an', 'der', 'el', 'or'];
  const int = (n: number): number => Math.floor(rand() * n);
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const chars: string[] = [];
    const chinese = rand() < 0.5;
    for (let k = 40 + int(200); k > 0; k--) {
      if (chinese) chars.push(rand() < 0.08 ? '，' : String.fromCharCode(0x4e00 + int(3000)));
      else chars.push(Array.from({ length: 1 + int(3) }, () => syllables[int(12)]).join('') + ' ');
    }
    const para = chars.join('') + (chinese ? '。\n' : '.\n');
    out.push(para);
    size += para.length;
  }
  return out.join('').slice(0, length);
}

describe('reanchor at scale', () => {
  it('re-anchors 10,000 annotations after 100 scattered edits to a 1 MB text', () => {
    const rand = random(20240117);
    const int = (n: number): number => Math.floor(rand() * n);
    const old = prose(rand, 1_000_000);
    const anchors = Array.from({ length: 10_000 }, (_, i) => {
      const start = int(old.length - 60);
      const end = start + 8 + int(33);
      return { id: `a${i}`, start, end, ...contextAround(old, start, end) };
    });
    // 100 edits in old coordinates, at least 500 units apart: insert, delete or replace.
    const ats = new Set<number>();
    while (ats.size < 100) ats.add(200 + 500 * int(1990));
    const edits = [...ats].map((at) => {
      const [kind, remove, insert] = [int(3), 1 + int(40), prose(rand, 1 + int(40))];
      return { at, remove: kind === 0 ? 0 : remove, insert: kind === 1 ? '' : insert };
    });
    let text = old;
    for (const e of [...edits].sort((x, y) => y.at - x.at))
      text = edit(text, e.at, e.remove, e.insert);

    const t0 = performance.now();
    const out = reanchor(text, anchors);
    const ms = performance.now() - t0;
    const counts = summarise(out);
    const fuzzy = out.filter((o) => o.status === 'moved' && o.how === 'fuzzy').length;
    console.log(
      `reanchor: 10,000 anchors, 100 edits, 1 MB: ${ms.toFixed(0)} ms; ` +
        `${counts.kept} kept, ${counts.moved} moved (${fuzzy} fuzzy), ${counts.orphaned} orphaned`,
    );
    expect(ms).toBeLessThan(20_000);
    expect(out.map((o) => o.id)).toEqual(anchors.map((a) => a.id));

    // Anchors whose quote and context no edit touched land exactly where the quote went.
    let far = 0;
    anchors.forEach((a, i) => {
      const from = a.start - a.prefix.length - 1;
      const to = a.end + a.suffix.length + 1;
      if (edits.some((e) => e.at <= to && e.at + e.remove >= from)) return;
      far++;
      const before = edits.filter((e) => e.at < a.start);
      const shift = before.reduce((d, e) => d + e.insert.length - e.remove, 0);
      const o = out[i];
      expect(o?.status === 'kept' || (o?.status === 'moved' && o.how === 'exact')).toBe(true);
      if (o?.status === 'orphaned' || !o) return;
      expect(text.slice(o.start, o.end)).toBe(a.quote);
      expect(o.start).toBe(a.start + shift);
    });
    expect(far).toBeGreaterThan(9_000);
  }, 60_000); // generous: the machine may be busy; the time is printed above
});

describe('the shift of the neighbours', () => {
  it('beats the same characters standing by chance at the old offset', () => {
    const oldText = '甲乙丙丁。增长。戊己庚辛。增长。';
    const newText = `编者按八个字。${'\u3000'}${oldText}`; // 8 characters in front
    const first = { id: 'a', start: 0, end: 4, ...contextAround(oldText, 0, 4) };
    const second = { id: 'b', start: 13, end: 15, ...contextAround(oldText, 13, 15) };
    expect(newText.slice(13, 15)).toBe('增长'); // the first 增长, moved onto the old offset
    const [a, b] = reanchor(newText, [first, second]);
    expect(a).toMatchObject({ status: 'moved', start: 8 });
    expect(b).toMatchObject({ status: 'moved', start: 21, end: 23 });
  });
});
