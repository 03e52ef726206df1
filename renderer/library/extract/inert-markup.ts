/**
 * A saved page's markup with its event handler attributes (`onload`,
 * `onerror`…) renamed before `DOMParser` sees it. A parsed document is inert
 * and nothing in it runs, but Chromium still weighs each handler against the
 * page's Content-Security-Policy as the attribute is set, and logs a refusal
 * for every one; renamed, a handler is only text the reader never shows.
 * The scan follows HTML's tag and attribute syntax (quoted values may hold
 * `>`; comments and the text of script, style, textarea and title are left
 * as they are), one pass over the string.
 */

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes']);
const SPACE = /[\t\n\f\r ]/;
const RENAMED = 'data-cm-';

/** The end of a comment or other `<!…>` / `<?…>` markup starting at `i`. */
function skipMarkup(html: string, i: number): number {
  const end = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i);
  return end < 0 ? html.length : end + (html.startsWith('<!--', i) ? 3 : 1);
}

export function inertMarkup(html: string): string {
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html[lt + 1] ?? '';
    if (next === '!' || next === '?' || next === '/') {
      i = next === '/' ? html.indexOf('>', lt) + 1 || n : skipMarkup(html, lt);
      continue;
    }
    if (!/[A-Za-z]/.test(next)) {
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n && !SPACE.test(html[j]!) && html[j] !== '/' && html[j] !== '>') j++;
    const tag = html.slice(lt + 1, j).toLowerCase();
    // Attributes, until the tag's `>`.
    while (j < n && html[j] !== '>') {
      if (SPACE.test(html[j]!) || html[j] === '/') {
        j++;
        continue;
      }
      const nameStart = j;
      j++; // a name may begin with "=", HTML's own quirk
      while (j < n && !SPACE.test(html[j]!) && !'/>='.includes(html[j]!)) j++;
      if (/^on/i.test(html.slice(nameStart, nameStart + 2))) {
        out.push(html.slice(copied, nameStart), RENAMED);
        copied = nameStart;
      }
      let k = j;
      while (k < n && SPACE.test(html[k]!)) k++;
      if (html[k] !== '=') continue;
      k++;
      while (k < n && SPACE.test(html[k]!)) k++;
      const quote = html[k];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, k + 1);
        j = close < 0 ? n : close + 1;
      } else {
        while (k < n && !SPACE.test(html[k]!) && html[k] !== '>') k++;
        j = k;
      }
    }
    i = j + 1;
    if (RAW_TEXT.has(tag)) {
      const close = new RegExp(`</${tag}`, 'ig');
      close.lastIndex = i;
      i = close.exec(html)?.index ?? n;
    }
  }
  out.push(html.slice(copied));
  return out.join('');
}
