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

function decoded(bytes: Uint8Array, forced?: Encoding) {
  const result = decodeBytes(bytes, forced);
  if (!result.ok) throw new Error(`expected text, got ${result.error.code}`);
  return result.value;
}

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

  it('refuses text with NUL bytes (and no UTF-16 BOM) as binary', () => {
    expect(refused(encode('hello\0world, this is mostly text\n', 'utf-8'))).toBe('binary');
    // Even one NUL in a long, otherwise clean text.
    expect(refused(encode(SIMPLIFIED.repeat(100) + '\0', 'gb18030'))).toBe('binary');
    // UTF-16 without a BOM is not recognised; its NULs mark it as binary.
    expect(refused(encode(ENGLISH, 'utf-16le'))).toBe('binary');
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

  it.each(['utf-8', 'big5'])('decodes %s when the sample cut splits a character', (enc) => {
    const body = enc === 'big5' ? TRADITIONAL : SIMPLIFIED;
    for (const pad of ['', 'a', 'ab']) {
      const text = pad + repeat(body, DETECT_SAMPLE_BYTES * 2, enc);
      expect(decoded(encode(text, enc))).toMatchObject({ text, encoding: enc });
    }
  });
});
