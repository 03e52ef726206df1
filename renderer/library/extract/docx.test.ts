// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { docxBytes, type DocxParagraph } from '../../../shared/test-support/docx-file';
import { extractDocx } from './docx';

const BODY: DocxParagraph[] = [
  { text: '内部资料' },
  { text: '工业增加值增长5.8%', style: 'Heading1' },
  { text: '国家统计局10月20日发布数据，前三季度全国规模以上工业增加值同比增长5.8%。' },
];

async function metaOf(bytes: Uint8Array) {
  const result = await extractDocx(bytes);
  if (!result.ok) throw new Error(`${result.code}: ${result.detail}`);
  return result.value.meta;
}

describe('the title of a Word file', () => {
  it('is the title in its properties', async () => {
    const meta = await metaOf(docxBytes(BODY, { core: { title: '  前三季度\n工业数据 ' } }));
    expect(meta.title).toBe('前三季度 工业数据');
  });

  it('is its first headline when the properties give none, or only a placeholder', async () => {
    expect((await metaOf(docxBytes(BODY))).title).toBe('工业增加值增长5.8%');
    for (const title of ['', '   ', 'Title', 'Document1', '无标题'])
      expect((await metaOf(docxBytes(BODY, { core: { title } }))).title, title).toBe(
        '工业增加值增长5.8%',
      );
  });

  it('is left to the import (first line, else file name) when the file has no heading', async () => {
    expect(await metaOf(docxBytes([{ text: 'Plain words only.' }]))).toEqual({});
  });

  it('comes without byline or date: the file’s author and creation date are not the article’s', async () => {
    const core = {
      title: 'Exports rise',
      creator: 'Microsoft Office User',
      created: '2019-03-01T08:00:00Z',
    };
    expect(await metaOf(docxBytes(BODY, { core }))).toEqual({ title: 'Exports rise' });
  });
});

describe('a Word file with an image linked from the web', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is read without fetching it', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no request may be made')));
    vi.stubGlobal('fetch', fetch);
    const bytes = docxBytes(BODY, { linkedImage: 'https://example.invalid/chart.png' });
    const result = await extractDocx(bytes);
    expect(result.ok && result.value.text).toContain('国家统计局10月20日发布数据');
    expect(result.ok && result.value.text).not.toContain('example.invalid');
    expect(fetch).not.toHaveBeenCalled();
  });
});
