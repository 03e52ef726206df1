import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Encoding } from './types';
import { DETECT_SAMPLE_BYTES, decodeBytes } from './decode';

const SIMPLIFIED =
  '新华社北京11月22日电 国务院总理今天在人民大会堂会见了来访的外国代表团，双方就经济合作、' +
  '文化交流等问题深入交换了意见。\n■上接第1版 □新华社记者 王小平\n';
const TRADITIONAL =
  '中央社台北22日電 行政院長今天在立法院答詢時表示，政府將繼續推動經濟發展與兩岸交流，' +
  '並加強國防建設。\n本報訊（記者張明）市政府召開新聞發布會，介紹今年上半年全市經濟運行情況。\n';
const ENGLISH = 'The minister said on Tuesday that the plan would "cut costs, not jobs".\n';

/** Bytes of `text` in `encoding`, as iconv-lite writes them (no BOM unless added). */
function encode(text: string, encoding: string, bom: number[] = []): Uint8Array {
  return new Uint8Array([...bom, ...iconv.encode(text, encoding)]);
}

/** The text, encoding, BOM and damage read (`verbatim` has tests of its own). */
function decoded(bytes: Uint8Array, forced?: Encoding) {
  const result = decodeBytes(bytes, forced);
  if (!result.ok) throw new Error(`expected text, got ${result.error.code}`);
  const { verbatim: _verbatim, ...value } = result.value;
  return value;
}

describe('verbatim: the text as the decoder gave it', () => {
  const verbatim = (bytes: Uint8Array) => {
    const result = decodeBytes(bytes);
    if (!result.ok) throw new Error(result.error.code);
    return result.value.verbatim;
  };
  it('is true for a clean file with LF, with or without a BOM', () => {
    expect(verbatim(encode('标题\n正文。\n', 'utf-8'))).toBe(true);
    expect(verbatim(encode('标题\n正文。', 'utf-8', [0xef, 0xbb, 0xbf]))).toBe(true);
  });
  it('is false once a CR or a stray NUL has been taken out', () => {
    expect(verbatim(encode('标题\r\n正文。\r\n', 'utf-8'))).toBe(false);
    expect(verbatim(encode('old Mac\rline', 'utf-8'))).toBe(false);
    expect(verbatim(encode(`${'正文。'.repeat(2000)}\0`, 'utf-8'))).toBe(false);
  });
});

function refused(bytes: Uint8Array, forced?: Encoding) {
  const result = decodeBytes(bytes, forced);
  if (result.ok) throw new Error(`expected a refusal, got ${result.value.encoding} text`);
  return result.error.code;
}

/** Deterministic pseudo-random bytes (mulberry32). */
function randomBytes(length: number, seed: number): Uint8Array {
  let a = seed;
  return Uint8Array.from({ length }, () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % 256;
  });
}

describe('decodeBytes: encodings', () => {
  it.each([
    ['English', ENGLISH],
    ['Chinese', SIMPLIFIED + TRADITIONAL],
  ])('reads %s UTF-8 without a BOM', (_, text) => {
    expect(decoded(encode(text, 'utf-8'))).toEqual({ text, encoding: 'utf-8', bom: false });
  });

  it('reads UTF-8 with a BOM and drops the BOM from the text', () => {
    const bytes = encode(SIMPLIFIED, 'utf-8', [0xef, 0xbb, 0xbf]);
    expect(decoded(bytes)).toEqual({ text: SIMPLIFIED, encoding: 'utf-8', bom: true });
  });

  it.each([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ] as const)('reads %s with a BOM', (encoding, bom) => {
    const text = ENGLISH + SIMPLIFIED + '𠀀😀';
    expect(decoded(encode(text, encoding, [...bom]))).toEqual({ text, encoding, bom: true });
  });

  it('reads GB18030, including four-byte characters and the euro sign', () => {
    const text = SIMPLIFIED + '价格：100€，生僻字𠀀，表情😀。\n';
    const bytes = encode(text, 'gb18030');
    expect([...bytes.slice(-40)]).toContain(0x95); // '𠀀' is 95 32 82 36
    expect(decoded(bytes)).toEqual({ text, encoding: 'gb18030', bom: false });
  });

  it('reads GBK as GB18030', () => {
    expect(decoded(encode(SIMPLIFIED, 'gbk'))).toEqual({
      text: SIMPLIFIED,
      encoding: 'gb18030',
      bom: false,
    });
  });

  it('reads traditional Chinese written in GBK as GB18030, not Big5', () => {
    expect(decoded(encode(TRADITIONAL, 'gbk'))).toMatchObject({
      text: TRADITIONAL,
      encoding: 'gb18030',
    });
  });

  it('reads Big5', () => {
    expect(decoded(encode(TRADITIONAL, 'big5'))).toEqual({
      text: TRADITIONAL,
      encoding: 'big5',
      bom: false,
    });
  });

  it('reads English mixed with a little Chinese in GBK', () => {
    const text = `${ENGLISH}Source: 新华社\n`;
    expect(decoded(encode(text, 'gbk'))).toMatchObject({ text, encoding: 'gb18030' });
  });

  it.each([
    ['今天天气很好。', 'gbk'],
    ['中文', 'gbk'],
    ['人民日报评论员文章', 'gb18030'],
    ['他說：「我們一定要把這件事情做好。」', 'big5'],
    ['臺灣的總統選舉將於明年一月舉行。', 'big5'],
    ['聯合報社論', 'big5'],
  ])('reads the short text %s (%s) correctly', (text, encoding) => {
    expect(decoded(encode(text, encoding)).text).toBe(text);
  });
});

describe('decodeBytes: reopening as another encoding', () => {
  it('decodes with the forced encoding even when detection says otherwise', () => {
    const bytes = encode(TRADITIONAL, 'big5');
    const asGb = decoded(bytes, 'gb18030');
    expect(asGb.encoding).toBe('gb18030');
    expect(asGb.text).not.toBe(TRADITIONAL);
    expect(decoded(bytes, 'big5')).toMatchObject({ text: TRADITIONAL, encoding: 'big5' });
  });

  it('lets the user fix a one-character Big5 file that detection reads as GB18030', () => {
    const bytes = encode('臺', 'big5');
    expect(decoded(bytes).text).not.toBe('臺');
    expect(decoded(bytes, 'big5').text).toBe('臺');
  });

  it('strips the BOM of the forced encoding only', () => {
    const bytes = encode(ENGLISH, 'utf-8', [0xef, 0xbb, 0xbf]);
    expect(decoded(bytes, 'utf-8')).toEqual({ text: ENGLISH, encoding: 'utf-8', bom: true });
    // As GB18030 the three BOM bytes and the 'T' after them are two characters of text.
    const asGb = decoded(bytes, 'gb18030');
    expect(asGb).toMatchObject({ encoding: 'gb18030', bom: false });
    expect(asGb.text).toBe(new TextDecoder('gb18030').decode(bytes.slice(0, 4)) + ENGLISH.slice(1));
  });

  it('refuses to show a Chinese UTF-8 file as GB18030 when that gives many errors', () => {
    expect(refused(encode(SIMPLIFIED.repeat(3), 'utf-8'), 'gb18030')).toBe('undecodable');
  });

  it('refuses a forced encoding that turns the text into NULs and controls', () => {
    const bytes = encode(ENGLISH, 'utf-16le', [0xff, 0xfe]);
    expect(refused(bytes, 'utf-8')).toBe('binary');
  });

  it('still refuses an empty file', () => {
    expect(refused(new Uint8Array(0), 'gb18030')).toBe('empty');
    expect(refused(encode(' \n', 'utf-8'), 'big5')).toBe('empty');
  });
});

describe('decodeBytes: line ends', () => {
  it.each(['utf-8', 'gb18030', 'big5', 'utf-16le'])(
    'turns CRLF and lone CR into LF (%s)',
    (enc) => {
      const bom = enc === 'utf-16le' ? [0xff, 0xfe] : [];
      const body = enc === 'big5' ? TRADITIONAL : SIMPLIFIED;
      const withCr = body.replace(/\n/g, '\r\n') + 'one\rtwo\r\n\r\nthree\r';
      expect(decoded(encode(withCr, enc, bom)).text).toBe(`${body}one\ntwo\n\nthree\n`);
    },
  );
});

describe('decodeBytes: refusals', () => {
  it('refuses an empty file', () => {
    expect(refused(new Uint8Array(0))).toBe('empty');
  });

  it.each([[[0xef, 0xbb, 0xbf]], [[0xff, 0xfe]], [[0xfe, 0xff]]])(
    'refuses a file that is only a BOM (%j)',
    (bom) => {
      expect(refused(new Uint8Array(bom))).toBe('empty');
    },
  );

  it('refuses files that hold only whitespace', () => {
    expect(refused(encode(' \t\r\n\n  ', 'utf-8'))).toBe('empty');
    expect(refused(encode('\u3000\u3000\n', 'utf-8', [0xef, 0xbb, 0xbf]))).toBe('empty');
    expect(refused(encode('\u3000 \r\n', 'gb18030'))).toBe('empty');
    expect(refused(encode(' \n', 'utf-16le', [0xff, 0xfe]))).toBe('empty');
  });

  it('refuses a PNG as binary', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48];
    expect(refused(new Uint8Array([...png, ...randomBytes(2000, 1)]))).toBe('binary');
  });

  it('refuses text with more NULs than a damaged text has as binary', () => {
    // One NUL is tolerated in a short text, two are not (see "stray NULs" below).
    expect(refused(encode('hello\0world, \0this is mostly text\n', 'utf-8'))).toBe('binary');
    // A 2.5 KB article may hold two; five scattered ones make it binary.
    const article = ENGLISH.repeat(35);
    const five = [...article].map((ch, i) => (i % 500 === 250 ? '\0' : ch)).join('');
    expect(five.split('\0')).toHaveLength(6);
    expect(refused(encode(five, 'utf-8'))).toBe('binary');
  });

  it('refuses random bytes without NULs as binary', () => {
    const bytes = randomBytes(5000, 7).map((b) => b || 1);
    expect(bytes.includes(0)).toBe(false);
    expect(refused(bytes)).toBe('binary');
  });

  it('refuses text full of control characters as binary', () => {
    const text = 'abc\x01\x02\x03def\x1b\x7f'.repeat(50);
    expect(refused(encode(text, 'utf-8'))).toBe('binary');
  });

  it('refuses text that no supported encoding reads as undecodable', () => {
    // ASCII text with a 0xFF (invalid in UTF-8, GB18030 and Big5) every 30 bytes.
    const line = [...encode('The committee met on Tuesday ', 'utf-8'), 0xff];
    const bytes = new Uint8Array(Array.from({ length: 40 }, () => line).flat());
    expect(refused(bytes)).toBe('undecodable');
  });
});

describe('decodeBytes: damaged text', () => {
  it('keeps a UTF-8 article with one stray byte as UTF-8, marking the byte', () => {
    const text = SIMPLIFIED.repeat(5);
    const utf8 = encode(text, 'utf-8');
    const cut = utf8.indexOf(0x0a) + 1; // just after the first line
    const bytes = new Uint8Array([...utf8.slice(0, cut), 0xff, ...utf8.slice(cut)]);
    const result = decoded(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.text.replace('\uFFFD', '')).toBe(text);
  });

  it('keeps a UTF-8 file cut in the middle of its last character as UTF-8', () => {
    const utf8 = encode(SIMPLIFIED.repeat(3) + '完', 'utf-8');
    const result = decoded(utf8.slice(0, -1));
    expect(result).toMatchObject({ encoding: 'utf-8', text: SIMPLIFIED.repeat(3) + '\uFFFD' });
  });

  it('keeps a GB18030 article with one stray byte as GB18030', () => {
    const gb = encode(SIMPLIFIED.repeat(5), 'gb18030');
    const result = decoded(new Uint8Array([...gb, 0xff]));
    expect(result).toMatchObject({ encoding: 'gb18030', text: SIMPLIFIED.repeat(5) + '\uFFFD' });
  });
});

/** Lines "line 1" … "line n" of an English article, each a sentence long. */
const lines = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `Line ${i + 1}: ${ENGLISH.trim()}`);
const bytesOf = (...parts: (Uint8Array | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => [...p]));

describe('decodeBytes: damage report', () => {
  it('reports nothing for a clean file', () => {
    expect(decoded(encode(SIMPLIFIED, 'utf-8')).damage).toBeUndefined();
    expect(decoded(encode(SIMPLIFIED, 'gb18030')).damage).toBeUndefined();
  });

  it('counts a stray byte in UTF-8 and gives its line', () => {
    const text = lines(6).join('\n');
    const at = encode(lines(2).join('\n') + '\nLine 3: The', 'utf-8').length;
    const utf8 = encode(text, 'utf-8');
    const bytes = bytesOf(utf8.slice(0, at), [0xff], utf8.slice(at));
    expect(decoded(bytes)).toEqual({
      text: text.replace('Line 3: The', 'Line 3: The\uFFFD'),
      encoding: 'utf-8',
      bom: false,
      damage: { undecodable: 1, firstLine: 3, nulsRemoved: 0 },
    });
  });

  it('counts each damaged UTF-8 sequence and gives the line of the first, with CRLF line ends', () => {
    const [a = '', b, c, d] = [
      SIMPLIFIED.split('\n')[0],
      '第二行',
      '第三行，这里坏了',
      `第四行也坏了。${ENGLISH.trim().repeat(5)}`,
    ];
    const crlf = (s: string) => encode(s + '\r\n', 'utf-8');
    // Line 3 loses the last byte of '坏' (E5 9D 8F): one sequence; line 4 gets 0xC0 0x80 (two).
    const third = crlf(c);
    const cut = encode('第三行，这里', 'utf-8').length + 2;
    const bytes = bytesOf(
      crlf(a),
      crlf(b),
      third.slice(0, cut),
      third.slice(cut + 1),
      [0xc0, 0x80],
      crlf(d),
    );
    const result = decoded(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.damage).toEqual({ undecodable: 3, firstLine: 3, nulsRemoved: 0 });
    expect(result.text).toBe(`${a}\n${b}\n第三行，这里\uFFFD了\n\uFFFD\uFFFD${d}\n`);
  });

  it('counts a UTF-8 file cut in the middle of its last character, on its last line', () => {
    const text = SIMPLIFIED.repeat(3) + '完';
    const result = decoded(encode(text, 'utf-8').slice(0, -1));
    expect(result.damage).toEqual({ undecodable: 1, firstLine: 7, nulsRemoved: 0 });
  });

  it('does not count a U+FFFD the UTF-8 file encodes (EF BF BD)', () => {
    const text = `Replacement character: \uFFFD\n${SIMPLIFIED}`;
    expect(decoded(encode(text, 'utf-8'))).toEqual({ text, encoding: 'utf-8', bom: false });
  });

  it('skips encoded U+FFFD before the first real damage when giving its line', () => {
    const text = `A \uFFFD here.\n${SIMPLIFIED}Bad: `;
    const bytes = bytesOf(encode(text, 'utf-8'), [0xe4, 0xb8], encode('!\nEnd \uFFFD\n', 'utf-8'));
    const result = decoded(bytes);
    expect(result.text).toBe(`${text}\uFFFD!\nEnd \uFFFD\n`);
    expect(result.damage).toEqual({ undecodable: 1, firstLine: 4, nulsRemoved: 0 });
  });

  it('counts a GB18030 file that ends with a lead byte', () => {
    const text = SIMPLIFIED.repeat(4);
    const bytes = bytesOf(encode(text, 'gb18030'), [0xd6]);
    expect(decoded(bytes)).toEqual({
      text: text + '\uFFFD',
      encoding: 'gb18030',
      bom: false,
      damage: { undecodable: 1, firstLine: 9, nulsRemoved: 0 },
    });
  });

  it('does not count a U+FFFD the GB18030 file encodes (84 31 A4 37), but finds the damage after it', () => {
    const head = `替换字符：\uFFFD\n${SIMPLIFIED.repeat(3)}`;
    const gb = encode(head, 'gb18030');
    expect([...gb.slice(10, 14)]).toEqual([0x84, 0x31, 0xa4, 0x37]);
    const bytes = bytesOf(gb, [0xd6], encode('\n结尾\n', 'gb18030'));
    const result = decoded(bytes);
    expect(result).toMatchObject({ encoding: 'gb18030', text: `${head}\uFFFD\n结尾\n` });
    expect(result.damage).toEqual({ undecodable: 1, firstLine: 8, nulsRemoved: 0 });
    expect(decoded(gb).damage).toBeUndefined();
    // Cut at the very end instead.
    const cut = decoded(bytesOf(gb, [0xd6]));
    expect(cut).toMatchObject({ encoding: 'gb18030', text: `${head}\uFFFD` });
    expect(cut.damage).toEqual({ undecodable: 1, firstLine: 8, nulsRemoved: 0 });
  });

  it('counts a Big5 file that ends with a lead byte', () => {
    const text = TRADITIONAL.repeat(4);
    const result = decoded(bytesOf(encode(text, 'big5'), [0xa4]));
    expect(result).toMatchObject({ encoding: 'big5', text: text + '\uFFFD' });
    expect(result.damage).toEqual({ undecodable: 1, firstLine: 9, nulsRemoved: 0 });
  });

  it.each([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ] as const)('counts the dangling last byte of odd-length %s', (encoding, bom) => {
    const text = `${ENGLISH}${SIMPLIFIED}`;
    const bytes = bytesOf(encode(text, encoding, [...bom]), [0x41]);
    expect(decoded(bytes)).toEqual({
      text: text + '\uFFFD',
      encoding,
      bom: true,
      damage: { undecodable: 1, firstLine: 4, nulsRemoved: 0 },
    });
  });

  it('counts a lone surrogate in UTF-16 but not a U+FFFD it encodes', () => {
    const before = encode('\uFFFD encoded\nline two ', 'utf-16le', [0xff, 0xfe]);
    const bytes = bytesOf(before, [0x00, 0xd8], encode(' and more text\n' + ENGLISH, 'utf-16le'));
    const result = decoded(bytes);
    expect(result.text).toBe(`\uFFFD encoded\nline two \uFFFD and more text\n${ENGLISH}`);
    expect(result.damage).toEqual({ undecodable: 1, firstLine: 2, nulsRemoved: 0 });
  });

  it('keeps a UTF-8 file with one broken character as UTF-8 even where GB18030 reads it without an error', () => {
    // Lines of Chinese only (and no 0x80 byte, which GB18030 reads alone):
    // every two UTF-8 bytes are a valid GB18030 pair as long as each line has
    // an even number of bytes. Line 2 has seven characters, the fourth cut to
    // two bytes: 20 bytes, so GB18030 reads the whole file without an error.
    const cjk = [...'国家统计局发布数据显示去年全国粮食总产量达到新高'].filter(
      (ch) => !encode(ch, 'utf-8').includes(0x80),
    );
    expect(cjk.length).toBeGreaterThanOrEqual(10);
    const first = cjk.slice(0, 10).join('');
    const second = encode(cjk.slice(0, 7).join(''), 'utf-8');
    const rest = `${cjk.slice(0, 10).join('')}\n`.repeat(20);
    const broken = bytesOf(second.slice(0, 11), second.slice(12));
    const bytes = bytesOf(encode(first + '\n', 'utf-8'), broken, [0x0a], encode(rest, 'utf-8'));
    expect(() => new TextDecoder('gb18030', { fatal: true }).decode(bytes)).not.toThrow();

    const result = decoded(bytes);
    expect(result.encoding).toBe('utf-8');
    const cut = `${cjk.slice(0, 3).join('')}\uFFFD${cjk.slice(4, 7).join('')}`;
    expect(result.text).toBe(`${first}\n${cut}\n${rest}`);
    expect(result.damage).toEqual({ undecodable: 1, firstLine: 2, nulsRemoved: 0 });
  });

  it('keeps an English UTF-8 article with a few curly quotes and one bad byte as UTF-8', () => {
    const text = 'The minister said the plan would “cut costs, not jobs”.\n'.repeat(3) + ENGLISH;
    const bytes = bytesOf(encode('Caf', 'utf-8'), [0xe9], encode(`\n${text}`, 'utf-8'));
    expect(decoded(bytes)).toEqual({
      text: `Caf\uFFFD\n${text}`,
      encoding: 'utf-8',
      bom: false,
      damage: { undecodable: 1, firstLine: 1, nulsRemoved: 0 },
    });
  });
});

/** A small file of a binary format: its real header, then deterministic noise. */
const BINARIES: [string, () => Uint8Array][] = [
  [
    'PNG',
    () =>
      bytesOf(
        [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
        [0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x01, 0, 0, 0, 0, 0xc8, 8, 2, 0, 0, 0],
        [0x5b, 0x1e, 0x6c, 0x3d],
        [0, 0, 0x07, 0xd0, 0x49, 0x44, 0x41, 0x54],
        randomBytes(2000, 11),
        [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82],
      ),
  ],
  [
    'ZIP',
    () =>
      bytesOf(
        [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0, 0x21, 0x6c, 0x9a, 0x5b],
        randomBytes(4, 12),
        [0xd0, 0x07, 0, 0, 0x10, 0x27, 0, 0, 0x0b, 0, 0, 0],
        encode('article.txt', 'utf-8'),
        randomBytes(2000, 13),
        [0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0x01, 0, 0x01, 0, 0x39, 0, 0, 0, 0x15, 0x08, 0, 0],
        [0, 0],
      ),
  ],
  [
    'PDF',
    () =>
      bytesOf(
        encode('%PDF-1.7\n%', 'utf-8'),
        [0xe2, 0xe3, 0xcf, 0xd3],
        encode('\n1 0 obj\n<< /Length 3000 /Filter /FlateDecode >>\nstream\n', 'utf-8'),
        randomBytes(3000, 14),
        encode('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'utf-8'),
      ),
  ],
  [
    'ELF',
    () => {
      const header = new Uint8Array(64);
      header.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
      header.set([2, 0, 0x3e, 0, 1, 0, 0, 0, 0x40, 0x10, 0x40], 16);
      header.set([0x40, 0, 0, 0, 0, 0, 0, 0], 32);
      header.set([0x40, 0, 0x38, 0, 0x0d, 0, 0x40, 0, 0x1f, 0, 0x1e, 0], 52);
      return bytesOf(header, randomBytes(3000, 15));
    },
  ],
  ['random bytes', () => randomBytes(3000, 16)],
  [
    '16-bit audio (NULs every other byte, as in UTF-16)',
    () => {
      const samples = new Uint8Array(4000);
      const view = new DataView(samples.buffer);
      for (let i = 0; i < 2000; i++) view.setInt16(2 * i, Math.round(90 * Math.sin(i / 7)), true);
      return bytesOf(
        encode('RIFF', 'utf-8'),
        [0xc4, 0x0f, 0, 0],
        encode('WAVEdata', 'utf-8'),
        samples,
      );
    },
  ],
];

describe('decodeBytes: stray NULs and binary files', () => {
  it.each(BINARIES)('refuses a %s file as binary', (_, make) => {
    expect(refused(make())).toBe('binary');
  });

  it.each([1, 2, 3])('imports a UTF-8 article with %i stray NULs, taking them out', (n) => {
    const text = lines(50).join('\n'); // about 4 KB, so up to 4 NULs
    const positions = [7, 1500, 3000].slice(0, n);
    const withNuls = [...text].map((ch, i) => (positions.includes(i) ? `\0${ch}` : ch)).join('');
    expect(decoded(encode(withNuls, 'utf-8'))).toEqual({
      text,
      encoding: 'utf-8',
      bom: false,
      damage: { undecodable: 0, firstLine: 0, nulsRemoved: n },
    });
  });

  it('imports a short text with one NUL, such as a string terminator at the end', () => {
    expect(decoded(encode('hello world, this is mostly text\n\0', 'utf-8'))).toEqual({
      text: 'hello world, this is mostly text\n',
      encoding: 'utf-8',
      bom: false,
      damage: { undecodable: 0, firstLine: 0, nulsRemoved: 1 },
    });
  });

  it('imports a Chinese GB18030 article with a NUL as GB18030', () => {
    const text = SIMPLIFIED.repeat(20);
    const withNul = text.slice(0, 300) + '\0' + text.slice(300);
    expect(decoded(encode(withNul, 'gb18030'))).toEqual({
      text,
      encoding: 'gb18030',
      bom: false,
      damage: { undecodable: 0, firstLine: 0, nulsRemoved: 1 },
    });
  });

  it('imports a Big5 article with a NUL as Big5', () => {
    const text = TRADITIONAL.repeat(10);
    const withNul = text.slice(0, 100) + '\0' + text.slice(100);
    expect(decoded(encode(withNul, 'big5'))).toMatchObject({
      text,
      encoding: 'big5',
      damage: { nulsRemoved: 1 },
    });
  });

  it('reports stray NULs and undecodable bytes together', () => {
    const text = SIMPLIFIED.repeat(10);
    const bytes = bytesOf(encode(`\0${text}`, 'utf-8'), [0xe4]);
    expect(decoded(bytes)).toMatchObject({
      text: text + '\uFFFD',
      encoding: 'utf-8',
      damage: { undecodable: 1, firstLine: 21, nulsRemoved: 1 },
    });
  });

  it('takes stray NULs out after a BOM, and when reopening as another encoding', () => {
    const bytes = encode(`${SIMPLIFIED}\0${SIMPLIFIED}`, 'utf-8', [0xef, 0xbb, 0xbf]);
    const damage = { undecodable: 0, firstLine: 0, nulsRemoved: 1 };
    expect(decoded(bytes)).toMatchObject({ text: SIMPLIFIED.repeat(2), bom: true, damage });
    expect(decoded(bytes, 'utf-8')).toMatchObject({ text: SIMPLIFIED.repeat(2), damage });
  });

  it('still refuses a text whose other bytes are control characters', () => {
    const text = `${ENGLISH}\0${'\x01\x02'.repeat(5)}`;
    expect(refused(encode(text, 'utf-8'))).toBe('binary');
  });

  it.each(['utf-16le', 'utf-16be'] as const)(
    'reads %s without a BOM by where its NULs fall',
    (enc) => {
      for (const text of [ENGLISH, `${SIMPLIFIED}${ENGLISH}`, `${TRADITIONAL}Taipei, 22 Nov.\n`]) {
        expect(decoded(encode(text, enc))).toEqual({ text, encoding: enc, bom: false });
      }
    },
  );

  it('reads odd-length UTF-16 without a BOM, counting the dangling byte', () => {
    const bytes = bytesOf(encode(ENGLISH.repeat(3), 'utf-16le'), [0x2e]);
    expect(decoded(bytes)).toEqual({
      text: ENGLISH.repeat(3) + '\uFFFD',
      encoding: 'utf-16le',
      bom: false,
      damage: { undecodable: 1, firstLine: 4, nulsRemoved: 0 },
    });
  });
});

describe('decodeBytes: large files', () => {
  const repeat = (unit: string, bytes: number, enc: string) => {
    const per = iconv.encode(unit, enc).length;
    return unit.repeat(Math.ceil(bytes / per));
  };

  it('decodes a 10 MB GB18030 file', () => {
    // 3-unit prefix so that the 64 KB sample ends in the middle of a character.
    const text = 'ab\n' + repeat(SIMPLIFIED + '𠀀\n', 10 * 1024 * 1024, 'gb18030');
    const bytes = encode(text, 'gb18030');
    expect(bytes.length).toBeGreaterThan(10 * 1024 * 1024);
    const started = performance.now();
    const result = decoded(bytes);
    const elapsed = performance.now() - started;
    expect(result.encoding).toBe('gb18030');
    expect(result.text === text).toBe(true);
    expect(elapsed).toBeLessThan(10_000); // a sanity bound; it takes well under a second
  });

  it('uses the whole file for UTF-8: ASCII first, GB18030 after the sample', () => {
    const head = repeat(ENGLISH, DETECT_SAMPLE_BYTES + 1000, 'utf-8');
    const text = head + SIMPLIFIED.repeat(20);
    expect(decoded(encode(text, 'gb18030'))).toMatchObject({ text, encoding: 'gb18030' });
  });

  it('keeps a large UTF-8 file with a bad byte after the sample as UTF-8, with its line', () => {
    const head = repeat(SIMPLIFIED, DETECT_SAMPLE_BYTES + 1000, 'utf-8');
    const headLines = head.split('\n').length - 1;
    const bytes = bytesOf(encode(head, 'utf-8'), [0xff], encode(SIMPLIFIED, 'utf-8'));
    expect(decoded(bytes)).toMatchObject({
      text: `${head}\uFFFD${SIMPLIFIED}`,
      encoding: 'utf-8',
      damage: { undecodable: 1, firstLine: headLines + 1, nulsRemoved: 0 },
    });
  });

  it('keeps a GB18030 file with ASCII in its whole sample and a bad byte later as GB18030', () => {
    const head = repeat(ENGLISH, DETECT_SAMPLE_BYTES + 1000, 'utf-8');
    const tail = SIMPLIFIED.repeat(20);
    const bytes = bytesOf(encode(head + tail, 'gb18030'), [0xff], encode('\nEnd\n', 'gb18030'));
    expect(decoded(bytes)).toMatchObject({
      text: `${head}${tail}\uFFFD\nEnd\n`,
      encoding: 'gb18030',
      damage: { undecodable: 1 },
    });
  });

  it.each(['utf-8', 'big5'])('decodes %s when the sample cut splits a character', (enc) => {
    const body = enc === 'big5' ? TRADITIONAL : SIMPLIFIED;
    for (const pad of ['', 'a', 'ab']) {
      const text = pad + repeat(body, DETECT_SAMPLE_BYTES * 2, enc);
      expect(decoded(encode(text, enc))).toMatchObject({ text, encoding: enc });
    }
  });
});
