import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maybeReflow, reflow, toOriginal, toReflowed, type Reflowed } from './reflow';
import { WIDTHS, hardWrap, makeParagraphs, type Lang } from './wrap-fixtures';

const isWs = (ch: string): boolean => /\s/.test(ch);

/**
 * Checks the map of `r` against `original`: each reflowed character maps to the
 * same character (an inserted space to the newline it replaced), the mapped
 * positions strictly increase, every non-whitespace character of the original is
 * kept except a hyphen dropped at a line end, and the map round-trips.
 */
function checkMap(original: string, r: Reflowed): void {
  const { text, map } = r;
  const fail = (why: string): never => expect.fail(`${why} in ${JSON.stringify(original)}`);
  if (map.reflowedLength !== text.length || map.originalLength !== original.length) {
    fail('lengths differ');
  }
  const hit = new Uint8Array(original.length);
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const o = toOriginal(map, i);
    const ch = text[i]!;
    if (ch !== original[o] && !(ch === ' ' && original[o] === '\n')) {
      fail(`reflowed ${i} ${JSON.stringify(ch)} maps to ${JSON.stringify(original[o])}`);
    }
    if (o <= last) fail(`reflowed ${i} maps to ${o}, not after ${last}`);
    if (toReflowed(map, o) !== i) fail(`original ${o} maps to ${toReflowed(map, o)}, not ${i}`);
    last = o;
    hit[o] = 1;
  }
  const lineEnd = /[^\S\n]*(?:\n|$)/y;
  let kept = '';
  for (let o = 0; o < original.length; o++) {
    const ch = original[o]!;
    if (isWs(ch)) continue;
    if (hit[o]) kept += ch;
    else {
      // The one legitimate loss: "eco-\nnomy" → "economy".
      lineEnd.lastIndex = o + 1;
      if (ch !== '-' || !lineEnd.test(original))
        fail(`original ${o} ${JSON.stringify(ch)} dropped`);
    }
  }
  expect(text.replace(/\s/g, '')).toBe(kept);
}

/** Text that looks like anything: CJK, Latin, hyphens at line ends, blank lines, astral characters. */
const soup = fc
  .array(
    fc.constantFrom(
      ...'中文内蒙古发展，。、“”！abcXYZ-.,  \n\n\n\u3000\t1'.split(''),
      '𠀀',
      'eco-\nnomy',
      '-\n',
      '■上接第1版\n',
      '\n\n',
    ),
    { maxLength: 300 },
  )
  .map((parts) => parts.join(''));

/** Hard-wrapped text, as the fixtures make it, in many shapes. */
const wrapped = fc
  .record({
    lang: fc.constantFrom<Lang>('zh', 'en'),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    // A single short paragraph can be too few lines to tell the column (about 1 in 3,000).
    count: fc.integer({ min: 2, max: 12 }),
    columnBreakChance: fc.double({ min: 0, max: 0.5, noNaN: true }),
    hyphenChance: fc.double({ min: 0, max: 1, noNaN: true }),
    standaloneChance: fc.double({ min: 0, max: 0.5, noNaN: true }),
    blankBetweenChance: fc.double({ min: 0, max: 1, noNaN: true }),
    indent: fc.boolean(),
  })
  .map(({ lang, count, ...opts }) =>
    hardWrap(makeParagraphs(lang, count, opts.seed), { ...WIDTHS[lang], ...opts }),
  );

/** Either kind, sometimes with hard-wrapped text around soup. */
const anyText = fc.oneof(
  soup,
  wrapped.map((w) => w.text),
  fc.tuple(wrapped, soup).map(([w, s]) => w.text + s),
);

describe('reflow properties', () => {
  it('never adds, drops or reorders a non-whitespace character, and maps each back', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkMap(text, reflow(text));
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing when run on its own output', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = reflow(text).text;
        const twice = maybeReflow(once);
        if (twice) expect(twice.text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('restores the paragraphs the fixtures wrapped', () => {
    fc.assert(
      fc.property(wrapped, (w) => {
        const r = reflow(w.text);
        expect(r.text.split('\n')).toEqual(w.paragraphs);
        checkMap(w.text, r);
      }),
      { numRuns: 200 },
    );
  });
});
