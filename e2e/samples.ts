import iconv from 'iconv-lite';
import type { FixtureFile } from './driver';

/** English with a character outside the BMP early on, so code points ≠ UTF-16 units. */
export const ENGLISH = [
  'Budget claims under scrutiny',
  '',
  'Officials said 𠀀 the regional economy grew by 5.8 percent last year, the fastest pace in a decade.',
  'The ministry promised to cut coal use by a fifth before 2030, according to the plan released on Monday.',
  'Critics called the target "unrealistic, at best" and asked for an independent audit.',
].join('\n');

export const CHINESE = [
  '内蒙古经济稳步增长',
  '',
  '内蒙古聚焦高质量发展，紧扣铸牢中华民族共同体意识工作主线，建设我国向北开放重要桥头堡。',
  '2024年全区地区生产总值增长5.8%，增速居全国前列。',
  '自治区政府表示，将在2030年前把煤炭消费比重降低五分之一。',
].join('\n');

export const utf8File = (name = 'budget-claims.txt'): FixtureFile => ({
  name,
  bytes: Buffer.from(ENGLISH, 'utf8'),
});

export const gb18030File = (name = 'neimenggu-gb.txt'): FixtureFile => ({
  name,
  // CRLF as Windows tools write it; the app normalises it.
  bytes: iconv.encode(CHINESE.replace(/\n/g, '\r\n'), 'gb18030'),
});

export const binaryFile = (name = 'photo.txt'): FixtureFile => ({
  name,
  bytes: Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 73 + 11) % 256)),
  ]),
});

export const TRADITIONAL = '行政院宣布明年度總預算將增加百分之三，經濟部表示將持續推動產業升級。';

export const big5File = (name = 'taiwan-budget.txt'): FixtureFile => ({
  name,
  bytes: iconv.encode(`臺灣預算新聞\n\n${TRADITIONAL}\n立法院將於下週審查。`, 'big5'),
});
