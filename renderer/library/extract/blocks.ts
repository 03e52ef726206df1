/**
 * The reading text of an HTML tree (a saved page's article, or what mammoth
 * makes of a Word file): one line per paragraph, list item or table row
 * (cells joined by tabs), h1–h3 kept as headings with their level. Only text
 * is read; nothing in the tree is run or fetched.
 */
import type { ExtractedHeading } from '../../../shared/extract/types';

export interface Lines {
  text: string;
  headings: ExtractedHeading[];
}

const HEADING: Record<string, 1 | 2 | 3> = { H1: 1, H2: 2, H3: 3, H4: 3, H5: 3, H6: 3 };

/** A heading's level as the page had it, kept in a class where a tool changed its tag (cm-level-1…3). */
export const LEVEL_CLASS = 'cm-level-';

function headingLevel(el: Element, tag: string): 1 | 2 | 3 | undefined {
  const level = HEADING[tag];
  if (level === undefined) return undefined;
  for (const n of [1, 2, 3] as const) if (el.classList.contains(`${LEVEL_CLASS}${n}`)) return n;
  return level;
}
/** Elements that hold lines of their own; anything else is read for the text inside it. */
const LINE = new Set(['P', 'LI', 'DT', 'DD', 'PRE', 'BLOCKQUOTE', 'FIGCAPTION', 'CAPTION']);
const CONTAINER = new Set([
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'BODY',
  'OL',
  'UL',
  'DL',
  'FIGURE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'DETAILS',
  'HGROUP',
  'CENTER',
  'FORM',
]);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'HEAD',
]);

/** Inline text with runs of white space as one space; `<br>` starts a new line. */
export function inlineText(node: Node, skip: (el: Element) => boolean = () => false): string {
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === 3) out += n.nodeValue ?? '';
    else if (n.nodeType === 1) {
      const el = n as Element;
      if (SKIP.has(el.tagName.toUpperCase()) || skip(el)) return;
      if (el.tagName.toUpperCase() === 'BR') out += '\n';
      else n.childNodes.forEach(walk);
    }
  };
  walk(node);
  return out
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export interface BlockOptions {
  /** Elements left out of the text (e.g. a footnote's "↑" link back). */
  skip?: (el: Element) => boolean;
}

export function blockLines(root: Element, options: BlockOptions = {}): Lines {
  const skip = options.skip ?? (() => false);
  const lines: string[] = [];
  const headings: ExtractedHeading[] = [];
  let offset = 0;
  const push = (line: string, level?: 1 | 2 | 3): void => {
    for (const part of line.split('\n')) {
      if (level !== undefined) headings.push({ start: offset, level });
      lines.push(part);
      offset += part.length + 1;
      // A heading broken by <br> is one heading: its first line opens it.
      level = undefined;
    }
  };
  const visit = (el: Element): void => {
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || skip(el)) return;
    const level = headingLevel(el, tag);
    if (level !== undefined) {
      const text = inlineText(el, skip);
      if (text) push(text, level);
      return;
    }
    if (tag === 'TABLE') {
      for (const row of Array.from(el.querySelectorAll('tr'))) {
        if (row.closest('table') !== el) continue;
        const cells = Array.from(row.children).filter((c) => /^T[DH]$/i.test(c.tagName));
        const text = cells.map((c) => inlineText(c, skip).replace(/\n/g, ' ')).join('\t');
        if (text.trim()) push(text);
      }
      return;
    }
    const hasBlocks = Array.from(el.children).some((c) => {
      const t = c.tagName.toUpperCase();
      return LINE.has(t) || CONTAINER.has(t) || t === 'TABLE' || HEADING[t] !== undefined;
    });
    if ((LINE.has(tag) || !CONTAINER.has(tag)) && !hasBlocks) {
      const text = inlineText(el, skip);
      if (text) push(text);
      return;
    }
    // Mixed content: loose text between blocks is a paragraph of its own.
    let loose = '';
    const flush = (): void => {
      const text = loose.replace(/[\s\u00a0]+/g, ' ').trim();
      if (text) push(text);
      loose = '';
    };
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 3) loose += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const c = child as Element;
        const t = c.tagName.toUpperCase();
        if (LINE.has(t) || CONTAINER.has(t) || t === 'TABLE' || HEADING[t] !== undefined) {
          flush();
          visit(c);
        } else loose += inlineText(c, skip);
      }
    }
    flush();
  };
  visit(root);
  return { text: lines.join('\n'), headings };
}
