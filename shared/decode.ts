/**
 * Turns the bytes of a file into text: BOM → NUL bytes (a few stray ones,
 * UTF-16 without a BOM, or binary) → strict UTF-8 → nearly valid UTF-8 →
 * detector on a sample (GB18030 vs Big5) → a frequency score when the detector
 * is unsure → best effort. Runs in the renderer (and its workers), never on
 * Node's TextDecoder in production: Node 20 mis-decodes some GBK/Big5 text
 * (nodejs/node#61041). The `gbk` label is never used; GBK is read as GB18030,
 * of which it is a subset.
 */
import type { Context } from 'chardet/lib/encoding';
import { big5 as Big5Recogniser, gb_18030 as Gb18030Recogniser } from 'chardet/lib/encoding/mbcs';
import type { Encoding } from './types';
import type { Result } from './result';
import { err, ok } from './result';
import { normalizeNewlines } from './text';
import {
  countNuls,
  countReplacements,
  encodedBeforeFirstInvented,
  encodedReplacements,
  lineAt,
  lineOfByte,
  nthReplacement,
  strayNulLimit,
  utf16ByNuls,
  type DecodeDamage,
} from './decode-damage';

export type { DecodeDamage } from './decode-damage';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** True when the bytes started with the byte order mark of `encoding`. */
  bom: boolean;
  /** What could not be read cleanly; absent when nothing. */
  damage?: DecodeDamage;
  /** The decoder's output as it was: no CR and no NUL taken out. */
  verbatim: boolean;
}
export interface DecodeError {
  code: 'empty' | 'binary' | 'undecodable';
}

/** Bytes handed to the detector and the frequency score; never the whole file. */
export const DETECT_SAMPLE_BYTES = 64 * 1024;

/**
 * Undecodable byte sequences (each a U+FFFD in the text) tolerated after a
 * best-effort decode: one, or 1% of the characters if that is more. A damaged
 * text file has isolated bad bytes (a last character cut in half, a stray byte
 * pasted from elsewhere): refusing the whole article over them would lose more
 * than it protects, the reader shows each U+FFFD, the import notice counts
 * them, and the user can still reopen the file as another encoding. Text in
 * an encoding Claimmark does not read, or data that is not text, usually gives
 * several percent or more (measured: Latin-1 French ≈ 3% as GB18030, random
 * bytes 9–17%) and is refused. Not always: Latin-1 German, Shift_JIS and
 * EUC-KR happen to be valid GB18030 and come out garbled but accepted — only
 * the encodings in ENCODINGS are ever detected. A U+FFFD the file encodes is a
 * character like any other and is not counted.
 */
export const MAX_REPLACEMENT_RATIO = 0.01;
/** Above this share of U+FFFD the content is noise rather than text: `binary`. */
export const BINARY_REPLACEMENT_RATIO = 0.05;
/**
 * Share of C0 control characters (other than tab, LF, VT, FF, CR) and DEL above
 * which a file is `binary`. Text has none; random bytes have about 11%. Stray
 * NULs are taken out (see `strayNulLimit`) before this is counted.
 */
export const MAX_CONTROL_RATIO = 0.01;
/**
 * A UTF-8 reading with a few errors is kept, rather than trying GB18030 and
 * Big5, when it has at least this many well-formed multi-byte characters per
 * error. GB18030 or Big5 text read as UTF-8 has the reverse (measured on the
 * common characters below: 4.3 errors per valid character as GB18030, 6.7 as
 * Big5).
 */
export const MIN_UTF8_EVIDENCE = 4;
/** Below this many double-byte characters the detector is not trusted. */
const MIN_DETECT_CHARS = 40;

const BOMS: readonly { encoding: Encoding; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function bomOf(bytes: Uint8Array): (typeof BOMS)[number] | undefined {
  return BOMS.find((b) => b.bytes.every((v, i) => bytes[i] === v));
}

interface Decoding {
  /** The decoder's output, line ends as in the file. */
  text: string;
  /** Byte sequences that were not valid in the encoding (each one a U+FFFD in the text). */
  errors: number;
  /** Offset of the first invalid Big5 sequence the structural count found, or -1. */
  firstStructural: number;
}

const CLEAN: Decoding = { text: '', errors: 0, firstStructural: -1 };

/**
 * Decodes with the WHATWG decoder and counts the errors; `strict` gives null at
 * the first one. `stream` leaves a character cut at the end of a sample alone.
 */
function decodeWith(
  encoding: Encoding,
  bytes: Uint8Array,
  strict: boolean,
  stream = false,
): Decoding | null {
  const structural = encoding === 'big5' ? big5Errors(bytes, stream) : { errors: 0, first: -1 };
  if (strict && structural.errors > 0) return null;
  try {
    // ignoreBOM: the caller strips (and reports) byte order marks itself.
    const decoder = new TextDecoder(encoding, { fatal: strict, ignoreBOM: true });
    const text = decoder.decode(bytes, { stream });
    if (strict) return { text, errors: 0, firstStructural: -1 };
    const replaced = countReplacements(text);
    const invented = replaced > 0 ? replaced - encodedReplacements(encoding, bytes) : 0;
    return {
      text,
      errors: Math.max(structural.errors, invented),
      firstStructural: structural.first,
    };
  } catch {
    return null;
  }
}

/**
 * Invalid Big5 byte sequences by the WHATWG rules (a lead byte 0x81–0xFE, then
 * 0x40–0x7E or 0xA1–0xFE), and where the first one starts. Chromium's decoder
 * reports them; Node's ICU decoder turns many into private-use characters (or
 * nothing) instead (nodejs/node#40091), so they are counted here to behave the
 * same in both.
 */
function big5Errors(bytes: Uint8Array, stream: boolean): { errors: number; first: number } {
  let errors = 0;
  let first = -1;
  const error = (at: number) => {
    if (errors++ === 0) first = at;
  };
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) continue;
    if (lead === 0x80 || lead === 0xff) {
      error(i);
      continue;
    }
    const trail = bytes[i + 1];
    if (trail === undefined) {
      if (!stream) error(i);
      break;
    }
    if ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe)) i++;
    else {
      error(i);
      if (trail >= 0x80) i++; // an ASCII byte is read again on its own
    }
  }
  return { errors, first };
}

/** The characters `countControls` counts, NUL among them. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/;

function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) n++;
  }
  return n;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** 1-based line of the first byte sequence the decoder could not read. */
function firstDamageLine(
  decoding: Decoding,
  encoding: Encoding,
  bytes: Uint8Array,
  text: string,
): number {
  const lines: number[] = [];
  const encoded = encodedBeforeFirstInvented(encoding, bytes, decoding.text);
  if (encoded >= 0) {
    // Newlines were normalised and NULs taken out since: neither moves a U+FFFD past another.
    const at = nthReplacement(text, encoded);
    if (at >= 0) lines.push(lineAt(text, at));
  }
  if (decoding.firstStructural >= 0) {
    lines.push(lineOfByte(encoding, bytes, decoding.firstStructural));
  }
  return lines.length > 0 ? Math.min(...lines) : 0;
}

/**
 * Checks a decoded text against the thresholds above and wraps it up, taking
 * out a few stray NULs and describing what was damaged. `bytes` are the bytes
 * that were decoded (without a BOM).
 */
function finish(
  decoding: Decoding,
  encoding: Encoding,
  bom: boolean,
  bytes: Uint8Array,
): Result<DecodedText, DecodeError> {
  let text = normalizeNewlines(decoding.text);
  // Text has neither NULs nor other controls as a rule: one search spares both counts.
  const controls = CONTROL.test(text);
  const nuls = controls ? countChar(text, '\0') : 0;
  if (nuls > strayNulLimit(bytes.length)) return err({ code: 'binary' });
  if (nuls > 0) text = text.replaceAll('\0', '');
  if (!/\S/.test(text)) return err({ code: 'empty' });
  if (controls && countControls(text) > text.length * MAX_CONTROL_RATIO)
    return err({ code: 'binary' });
  const bad = decoding.errors;
  if (bad > text.length * BINARY_REPLACEMENT_RATIO) return err({ code: 'binary' });
  if (bad > Math.max(1, text.length * MAX_REPLACEMENT_RATIO)) return err({ code: 'undecodable' });
  const verbatim = text === decoding.text;
  if (bad === 0 && nuls === 0) return ok({ text, encoding, bom, verbatim });
  const firstLine = bad > 0 ? firstDamageLine(decoding, encoding, bytes, text) : 0;
  const damage = { undecodable: bad, firstLine, nulsRemoved: nuls };
  return ok({ text, encoding, bom, verbatim, damage });
}

/** Strict decode first; a tolerant one (judged by `finish`) when that fails. */
function decodeAs(encoding: Encoding, body: Uint8Array, bom: boolean) {
  const decoding = decodeWith(encoding, body, true) ?? decodeWith(encoding, body, false);
  return finish(decoding ?? CLEAN, encoding, bom, body);
}

/**
 * Decodes a file's bytes. With `forced` (the user reopening a file as another
 * encoding) only that encoding is used, its own BOM is stripped, and a result
 * that is mostly replacement, NUL or control characters is refused like any
 * other.
 */
export function decodeBytes(
  bytes: Uint8Array,
  forced?: Encoding,
): Result<DecodedText, DecodeError> {
  if (bytes.length === 0) return err({ code: 'empty' });
  const bom = bomOf(bytes);
  if (forced) {
    const own = bom?.encoding === forced;
    return decodeAs(forced, own ? bytes.subarray(bom.bytes.length) : bytes, own);
  }
  if (bom) return decodeAs(bom.encoding, bytes.subarray(bom.bytes.length), true);

  // More NULs than a damaged text has: UTF-16 without a BOM, or not text at all.
  const nuls = countNuls(bytes);
  if (nuls.even + nuls.odd > strayNulLimit(bytes.length)) {
    const utf16 = utf16ByNuls(nuls, bytes.length);
    return utf16 ? decodeAs(utf16, bytes, false) : err({ code: 'binary' });
  }

  // Strict UTF-8 over the whole buffer: a sample could end inside a character.
  const utf8 = decodeWith('utf-8', bytes, true);
  if (utf8) return finish(utf8, 'utf-8', false, bytes);
  const nearly = nearlyUtf8(bytes);
  if (nearly) return finish(nearly, 'utf-8', false, bytes);

  const order = rankChinese(bytes.subarray(0, DETECT_SAMPLE_BYTES));
  for (const encoding of order) {
    const decoding = decodeWith(encoding, bytes, true);
    if (decoding) return finish(decoding, encoding, false, bytes);
  }
  return bestEffort(bytes, order);
}

/**
 * A UTF-8 reading with few errors among many well-formed multi-byte characters:
 * a UTF-8 file with a damaged character or two. Strict GB18030 or Big5 must not
 * get the chance to take it (both accept many pairs of UTF-8 bytes, and chardet,
 * which gives up on UTF-8 at the first bad byte, rates such a file as a
 * single-byte code page). Judged on the sample first, so that GB18030 and Big5
 * files, which fail at once, cost no full UTF-8 decode.
 */
function nearlyUtf8(bytes: Uint8Array): Decoding | null {
  const plausible = (d: Decoding | null): d is Decoding =>
    d !== null &&
    d.errors <= Math.max(1, d.text.length * MAX_REPLACEMENT_RATIO) &&
    multiByteChars(d.text) >= MIN_UTF8_EVIDENCE * d.errors;
  if (bytes.length > DETECT_SAMPLE_BYTES) {
    const sample = decodeWith('utf-8', bytes.subarray(0, DETECT_SAMPLE_BYTES), false, true);
    if (!plausible(sample)) return null;
  }
  const whole = decodeWith('utf-8', bytes, false);
  return plausible(whole) ? whole : null;
}

/** Characters of two or more UTF-8 bytes that are not U+FFFD. */
function multiByteChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== 0xfffd && (c < 0xdc00 || c > 0xdfff)) n++;
  }
  return n;
}

/**
 * No candidate decodes the whole file cleanly: take the one with the fewest
 * errors on the sample, and let `finish` decide whether that is still text.
 * UTF-8 wins a tie with errors (an ASCII file with a stray byte is as bad in
 * every encoding, and is UTF-8); a tie without errors (a sample of ASCII only
 * says nothing) goes to the Chinese encodings in the detector's order.
 */
function bestEffort(bytes: Uint8Array, order: readonly Encoding[]) {
  const sample = bytes.subarray(0, DETECT_SAMPLE_BYTES);
  const errorsOf = (encoding: Encoding) =>
    decodeWith(encoding, sample, false, true)?.errors ?? Infinity;
  let best: Encoding = 'utf-8';
  let fewest = errorsOf('utf-8');
  for (const encoding of order) {
    const errors = errorsOf(encoding);
    const takesTie = errors === 0 && fewest === 0 && best === 'utf-8';
    if (errors < fewest || takesTie) [best, fewest] = [encoding, errors];
  }
  return finish(decodeWith(best, bytes, false) ?? CLEAN, best, false, bytes);
}

/**
 * GB18030 and Big5 in the order to try them. Both decoders accept most of each
 * other's bytes, so the choice comes from the detector when it is sure, and
 * otherwise from how many common (and how few rare) characters each reading
 * gives. Ties, and near ties on short text, go to GB18030.
 */
export function rankChinese(sample: Uint8Array): Encoding[] {
  let high = 0;
  for (const b of sample) if (b >= 0x80) high++;
  if (high >= MIN_DETECT_CHARS * 2) {
    const gb18030 = confidenceOf(GB18030_RECOGNISER, sample);
    const big5 = confidenceOf(BIG5_RECOGNISER, sample);
    if (Math.max(gb18030, big5) >= 50 && Math.abs(gb18030 - big5) >= 20) {
      return gb18030 > big5 ? ['gb18030', 'big5'] : ['big5', 'gb18030'];
    }
  }
  const gb = scoreReading(decodeWith('gb18030', sample, true, true)?.text);
  const b5 = scoreReading(decodeWith('big5', sample, true, true)?.text);
  const margin = high < MIN_DETECT_CHARS * 2 ? 1 : 0;
  return b5 > gb + margin ? ['big5', 'gb18030'] : ['gb18030', 'big5'];
}

/**
 * chardet's own recognisers for the two encodings asked about. Its `analyse`
 * runs all 27, and the 13 single-byte ones (n-gram models over the whole
 * sample) took 25–50 ms of a GB18030 import for answers never read.
 */
const GB18030_RECOGNISER = new Gb18030Recogniser();
const BIG5_RECOGNISER = new Big5Recogniser();

/** The recogniser's confidence (0–100) in the sample, as `analyse` reports it. */
function confidenceOf(recogniser: Big5Recogniser | Gb18030Recogniser, sample: Uint8Array): number {
  // The multi-byte recognisers read only the bytes; the statistics are there for the type.
  const context: Context = {
    byteStats: [],
    c1Bytes: false,
    rawInput: sample,
    rawLen: sample.length,
    inputBytes: sample,
    inputLen: sample.length,
  };
  return recogniser.match(context)?.confidence ?? 0;
}

/** Frequent characters of simplified and traditional Chinese news text, and punctuation. */
const COMMON = new Set(
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作' +
    '里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从' +
    '想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头' +
    '文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提' +
    '立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务' +
    '做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像' +
    '难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导' +
    '争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗' +
    '字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器' +
    '容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周' +
    '较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章' +
    '音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻' +
    '父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久' +
    '错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷' +
    '警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协' +
    '角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份' +
    '穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨' +
    '丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湿湾' +
    // Traditional forms of the characters above that differ from the simplified ones.
    '這個們來為國說時會對於著過發後裡種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體產話' +
    '內給門兒東聲員論處義幾認條係氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該' +
    '規萬覺術領確傳師觀讓識帶導爭運飛風幹聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際' +
    '約復線斷滿視須寫稱嗎輕農裝廣顯標談圖歷醫專費號盡較語僅隨選紅響雖勢參眾構節維劃敵陳態護興驗責營夠嚴' +
    '續講終緊黃絕項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適衛險陸習勞財' +
    '環納歡獲負雲遊龍樹層衝範異漢簡擔靜積餘檢靈協揮勝階審堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島' +
    '戶評寶釋顧貨歐換聞壞討麗監臨艦魚雜誤濕灣' +
    '，。、：；！？「」『』（）《》〈〉“”‘’…—·',
);

/**
 * Rare characters a wrong reading of GB18030 or Big5 bytes tends to produce:
 * kana, bopomofo, Greek and Cyrillic letters, box drawing, CJK extension and
 * compatibility ideographs, private use, half-width forms, U+FFFD.
 */
const RARE =
  /[\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\ue000-\uf8ff\uf900-\ufaff\uff61-\uffdc\ufffd]|[\ud800-\udbff]/;

/** Common characters minus rare ones; -Infinity for a reading that failed. */
function scoreReading(text: string | undefined): number {
  if (text === undefined) return -Infinity;
  let score = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (COMMON.has(ch)) score++;
    else if (RARE.test(ch)) score--;
  }
  return score;
}
