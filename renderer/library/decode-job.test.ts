import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/text';
import { runDecodeJob } from './decode-job';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const hashOf = (text: string) => sha256Hex(text);

async function fingerprint(bytes: Uint8Array): Promise<{ sha256: string; encoding: string }> {
  const r = await runDecodeJob(bytes, undefined, 'off');
  if (!r.ok) throw new Error(`not decoded: ${r.code}`);
  return { sha256: r.sha256, encoding: r.encoding };
}

describe('runDecodeJob: a document’s identity is its text’s, whatever the file’s bytes', () => {
  const text = '国家统计局发布2025年粮食产量数据。\n全年粮食总产量13908亿斤。\n';

  it('is the same for UTF-8 with and without a BOM, with CRLF, and for UTF-16 and GB18030', async () => {
    const files = [
      utf8(text),
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]),
      utf8(text.replace(/\n/g, '\r\n')),
      new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf16le')]),
      new Uint8Array(iconv.encode(text, 'gb18030')),
    ];
    for (const bytes of files) expect((await fingerprint(bytes)).sha256).toBe(await hashOf(text));
  });

  it('holds for a GB18030 file that starts with more than 64 KB of ASCII (UTF-8 as far as a peek sees)', async () => {
    const long = `${'Statistics bulletin, 2025 edition. '.repeat(2500)}\n${text}`;
    const bytes = new Uint8Array(iconv.encode(long, 'gb18030'));
    expect(bytes.findIndex((b) => b >= 0x80)).toBeGreaterThan(64 * 1024);
    expect(await fingerprint(bytes)).toEqual({ sha256: await hashOf(long), encoding: 'gb18030' });
  });

  it('holds for a UTF-8 file read from the middle of a larger buffer', async () => {
    const whole = utf8(`xxxx${text}`);
    const view = whole.subarray(4);
    expect((await fingerprint(view)).sha256).toBe(await hashOf(text));
  });
});
