// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { extractHtml } from './html';
import { extractMhtml } from './mhtml';

const para = (n: number) =>
  `<p>第${n}段：国家统计局今天发布数据，前三季度全国规模以上工业增加值同比增长百分之五点八，` +
  `其中高技术制造业增长明显，专家认为经济运行总体平稳、稳中有进。The figures were released on Monday.</p>`;

function newsPage(charsetMeta = '<meta charset="utf-8">'): string {
  return `<!doctype html><html><head>${charsetMeta}
<title>工业增加值增长5.8% - 示例新闻网</title>
<meta property="article:published_time" content="2025-10-20T09:30:00+08:00">
<meta name="author" content="新华社记者 张三">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script>window.tracked = true; fetch('https://ads.example.com/t')</script>
</head><body>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/world">国际</a></li><li><a href="/tech">科技</a></li></ul></nav>
<div class="ad banner"><img src="https://ads.example.com/banner.png"><a href="https://ads.example.com">立即购买 限时优惠</a></div>
<article>
<h1>工业增加值增长5.8%</h1>
<p class="byline">新华社记者 张三</p>
${para(1)}${para(2)}
<h2>高技术制造业领跑</h2>
${para(3)}${para(4)}
<h3>外资企业</h3>
${para(5)}
<img src="https://img.example.com/chart.png" alt="图表">
</article>
<section id="comments" class="comments"><h3>网友评论</h3><div class="comment"><p>沙发！</p></div><div class="comment"><p>写得好</p></div></section>
<footer class="footer"><p>版权所有 © 示例新闻网 京ICP备000000号</p></footer>
</body></html>`;
}

describe('extractHtml', () => {
  it('keeps the article with its headings and leaves navigation, ads and comments out', () => {
    const result = extractHtml(new TextEncoder().encode(newsPage()));
    if (!result.ok) throw new Error(result.code);
    const { text, headings, meta, pages } = result.value;
    expect(text).toContain('第1段：国家统计局');
    expect(text).toContain('第5段');
    for (const noise of ['首页', '立即购买', '沙发', '网友评论', '版权所有', 'tracked'])
      expect(text).not.toContain(noise);
    const headingLines = headings.map((h) => [h.level, text.slice(h.start).split('\n')[0]]);
    expect(headingLines).toEqual([
      [1, '工业增加值增长5.8%'],
      [2, '高技术制造业领跑'],
      [3, '外资企业'],
    ]);
    // One paragraph per line, whole.
    expect(text.split('\n').filter((l) => l.startsWith('第3段'))).toHaveLength(1);
    expect(meta).toEqual({
      title: '工业增加值增长5.8%',
      byline: '新华社记者 张三',
      date: '2025-10-20T09:30:00+08:00',
    });
    expect(pages).toBeNull();
  });

  it('takes the date from a <time> element when no meta tag gives it', () => {
    const page = newsPage()
      .replace(/<meta property="article:published_time"[^>]*>/, '')
      .replace(
        '<p class="byline">',
        '<time datetime="2025-10-21">10月21日</time><p class="byline">',
      );
    const result = extractHtml(new TextEncoder().encode(page));
    expect(result.ok && result.value.meta.date).toBe('2025-10-21');
  });

  it('reads the charset the page declares (GBK)', () => {
    // "增长" in GBK, declared by an old-style http-equiv meta tag.
    const gbkWord = [0xd4, 0xf6, 0xb3, 0xa4];
    const before = new TextEncoder().encode(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>t</title></head><body><article><p>',
    );
    const after = new TextEncoder().encode('</p></article></body></html>');
    const bytes = Uint8Array.from([...before, ...gbkWord, ...after]);
    const result = extractHtml(bytes);
    expect(result.ok && result.value.text).toContain('增长');
  });

  it('fetches nothing and runs nothing the page holds', () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no request may be made')));
    vi.stubGlobal('fetch', fetch);
    try {
      const page = newsPage().replace(
        '</article>',
        '<img src="https://example.invalid/x.png" srcset="https://example.invalid/2x.png 2x" onerror="window.__ran = true">' +
          '<iframe src="https://example.invalid/f.html"></iframe>' +
          '<p style="background: url(https://example.invalid/bg.png)">图表说明</p>' +
          '<script>window.__ran = true</script></article>',
      );
      const result = extractHtml(new TextEncoder().encode(page));
      expect(result.ok && result.value.text).toContain('第5段');
      expect(result.ok && result.value.text).not.toContain('__ran');
      expect(fetch).not.toHaveBeenCalled();
      expect((window as { __ran?: boolean }).__ran).toBeUndefined();
      expect((window as { tracked?: boolean }).tracked).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('refuses a page with no text as empty', () => {
    const result = extractHtml(
      new TextEncoder().encode('<html><body><script>x()</script></body></html>'),
    );
    expect(result).toEqual({ ok: false, code: 'empty' });
  });
});

describe('extractMhtml', () => {
  it('reads the page inside a web archive (quoted-printable)', () => {
    const html = newsPage().replace(/=/g, '=3D');
    const mht =
      'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n' +
      'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B"\r\n\r\n' +
      '------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' +
      `${html}\r\n------B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------B--\r\n`;
    const result = extractMhtml(new TextEncoder().encode(mht));
    if (!result.ok) throw new Error(result.code);
    expect(result.value.text).toContain('第2段');
    expect(result.value.meta.title).toBe('工业增加值增长5.8%');
  });

  it('refuses an archive without a web page as damaged', () => {
    const result = extractMhtml(new TextEncoder().encode('Content-Type: text/plain\r\n\r\nhi'));
    expect(result.ok).toBe(false);
  });
});
