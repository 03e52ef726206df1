/**
 * The codebook as a REFI-QDA Codebook Exchange file (`.qdc`, namespace
 * `urn:QDA-XML:codebook:1.0`), the format MAXQDA, ATLAS.ti, NVivo and
 * QualCoder read and write.
 *
 * Export: `<CodeBook origin="Claimmark"><Codes>` with one `<Code>` per
 * category (`guid`, `name`, `isCodable="true"`, `color="#RRGGBB"`), its
 * description in a `<Description>` child (left out when empty) and its
 * subcategories nested inside, in codebook order. A category id that is a
 * UUID is the guid; any other id gets a stable UUID-shaped guid derived from it.
 *
 * Import (fast-xml-parser; Claimmark matches categories by name, so guids are
 * not kept):
 * - a UTF-8 BOM, the XML declaration, comments, extra attributes and elements
 *   other than `<Codes>` (`<Sets>`, `<NoteRef>`, …) are ignored;
 * - the root must be `<CodeBook>`, in a REFI-QDA namespace (`urn:QDA-XML:…`) or none;
 * - every `<Code>` needs a non-blank `name`; names must be unique;
 * - `color` is optional; a colour that is not `#rgb`/`#rrggbb` is dropped
 *   with a warning (the category keeps or gets a colour of its own);
 * - `isCodable="false"` codes become ordinary categories;
 * - codes nested deeper than two levels are flattened into the second level,
 *   under their top-level code, in document order, with a warning (the
 *   alternative, refusing MAXQDA's deep code systems, would leave the team
 *   nothing to share);
 * - the five XML entities and numeric character references are decoded;
 *   entities declared in a DOCTYPE are not (they stay as written).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { EntityDecoderOptions } from 'fast-xml-parser';
import { codebookTree, normalizeColor } from './codebook-csv';
import { stableGuid } from './exchange/guid';
import type { CodebookEntry } from './codebook-csv';
import type { Category } from './types';

export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export type QdcParseResult =
  { ok: true; entries: CodebookEntry[]; warnings: string[] } | { ok: false; error: string };

/* ---------- writing ---------- */

/** C0 controls other than tab, LF and CR: XML 1.0 cannot hold them at all. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
/** Lone surrogates and the non-characters U+FFFE, U+FFFF: not XML characters either. */
const NOT_CHARACTER =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

/** Escapes element text: `&`, `<`, `>`, and CR (which a parser would fold into LF). */
export function escapeXmlText(s: string): string {
  return s
    .replace(CONTROL, '')
    .replace(NOT_CHARACTER, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value (double-quoted): also `"`, tab, LF and CR, which parsers turn into spaces. */
export function escapeXmlAttribute(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** The guid for a category: its id when that is a UUID, otherwise one derived from it. */
export const categoryGuid = (id: string): string => stableGuid('category', id);

function codeElement(category: Category, children: Category[], indent: string): string {
  const color = normalizeColor(category.color);
  const attributes =
    `guid="${escapeXmlAttribute(categoryGuid(category.id))}" ` +
    `name="${escapeXmlAttribute(category.name)}" isCodable="true"` +
    (color ? ` color="${color.toUpperCase()}"` : '');
  const inner = [
    ...(category.description
      ? [`${indent}  <Description>${escapeXmlText(category.description)}</Description>`]
      : []),
    ...children.map((child) => codeElement(child, [], `${indent}  `)),
  ];
  if (inner.length === 0) return `${indent}<Code ${attributes}/>`;
  return [`${indent}<Code ${attributes}>`, ...inner, `${indent}</Code>`].join('\n');
}

/** The `<Code>` elements of the codebook, in codebook order, each line starting with `indent`. */
export function codeElements(categories: readonly Category[], indent: string): string[] {
  const tree = codebookTree(categories);
  return tree
    .filter((node) => node.parent === null)
    .map(({ category }) =>
      codeElement(
        category,
        tree.filter((n) => n.parent?.id === category.id).map((n) => n.category),
        indent,
      ),
    );
}

/** Builds the `.qdc` XML (UTF-8, LF line ends, two-space indent). */
export function codebookToQdc(categories: readonly Category[]): string {
  const codes = codeElements(categories, '    ');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}" origin="Claimmark">`,
    ...(codes.length ? ['  <Codes>', ...codes, '  </Codes>'] : ['  <Codes/>']),
    '</CodeBook>',
    '',
  ].join('\n');
}

/* ---------- reading ---------- */

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const noop = (): void => undefined;

/** XML's own entity rules: the five predefined entities and numeric references. */
export const xmlEntityDecoder: EntityDecoderOptions = {
  setExternalEntities: noop,
  addInputEntities: noop,
  reset: noop,
  setXmlVersion: noop,
  decode: (text) =>
    text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (whole, ref: string) => {
      if (!ref.startsWith('#')) return PREDEFINED[ref] ?? whole;
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }),
};

export type XmlNode = Record<string, unknown>;
export const ATTRS = ':@';

export const localName = (tag: string): string => tag.slice(tag.indexOf(':') + 1);
export const isNode = (v: unknown): v is XmlNode => typeof v === 'object' && v !== null;

/** The child elements called `name` (any prefix), in document order. */
export function childElements(node: unknown, name: string): unknown[] {
  if (!isNode(node)) return [];
  return Object.entries(node)
    .filter(([tag]) => tag !== ATTRS && !tag.startsWith('#') && localName(tag) === name)
    .flatMap(([, value]) => (Array.isArray(value) ? (value as unknown[]) : [value]));
}

export function attribute(node: unknown, name: string): string | undefined {
  const attrs = isNode(node) ? node[ATTRS] : undefined;
  const value = isNode(attrs) ? attrs[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

export function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  const text = isNode(node) ? node['#text'] : undefined;
  return typeof text === 'string' ? text : '';
}

const quoted = (s: string): string => `"${s}"`;

/**
 * Parses XML as fast-xml-parser sees it (attributes under `:@`, text under
 * `#text`, values kept as strings), with XML's own entity rules. A UTF-8 BOM
 * and leading whitespace are allowed; what is not well-formed is refused with
 * the line and column.
 */
export function parseXml(
  xml: string,
): { ok: true; document: XmlNode } | { ok: false; error: string } {
  const source = (xml.startsWith('\uFEFF') ? xml.slice(1) : xml).trimStart();
  if (source.trim() === '') return { ok: false, error: 'The file is empty' };
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return {
      ok: false,
      error: `Not well-formed XML (line ${line}${col ? `, column ${col}` : ''}): ${msg}`,
    };
  }
  let document: XmlNode;
  try {
    document = new XMLParser({
      ignoreAttributes: false,
      attributesGroupName: ATTRS,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      entityDecoder: xmlEntityDecoder,
    }).parse(source) as XmlNode;
  } catch (e) {
    // The parser refuses some well-formed input, e.g. an element called __proto__.
    const error = `The XML could not be read: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, error };
  }

  return { ok: true, document };
}

/** Reads a `.qdc` file; see the module comment for what is accepted. */
export function parseQdc(xml: string): QdcParseResult {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const document = parsed.document;
  const roots = Object.keys(document).filter((tag) => !tag.startsWith('#') && tag !== ATTRS);
  const [rootTag] = roots;
  if (rootTag === undefined) return { ok: false, error: 'The XML has no root element' };
  if (roots.length > 1) return { ok: false, error: 'The XML has more than one root element' };
  const root = document[rootTag];
  if (localName(rootTag) !== 'CodeBook') {
    const hint =
      localName(rootTag) === 'Project'
        ? 'this is a REFI-QDA project; export the codebook (.qdc) from your QDA program instead'
        : 'this is not a REFI-QDA codebook (.qdc)';
    return { ok: false, error: `The root element is <${rootTag}>, not <CodeBook>: ${hint}` };
  }
  const prefix = rootTag.includes(':') ? rootTag.slice(0, rootTag.indexOf(':')) : '';
  const namespace = attribute(root, prefix ? `xmlns:${prefix}` : 'xmlns');
  if (namespace !== undefined && !namespace.startsWith('urn:QDA-XML:')) {
    const error = `<CodeBook> is in the namespace ${quoted(namespace)}, not ${QDC_NAMESPACE}`;
    return { ok: false, error };
  }
  const codesElements = childElements(root, 'Codes');
  if (codesElements.length === 0) {
    return { ok: false, error: 'The <CodeBook> has no <Codes> element' };
  }

  const entries: CodebookEntry[] = [];
  const where = new Map<string, string>();
  const flattened: string[] = [];
  const dropped: string[] = [];
  type Walk = { node: unknown; top: string | null; path: string[]; position: number };
  const stack: Walk[] = codesElements
    .flatMap((codes) => childElements(codes, 'Code'))
    .map((node, i) => ({ node, top: null, path: [], position: i + 1 }));
  stack.reverse();
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, top, path, position } = item;
    const rawName = attribute(node, 'name');
    const name = rawName?.trim() ?? '';
    const place = path.length ? `under ${path.map(quoted).join(' › ')}` : 'at the top level';
    if (name === '') {
      const guid = attribute(node, 'guid');
      return {
        ok: false,
        error:
          `The <Code> number ${position} ${place}` +
          (guid ? ` (guid ${guid})` : '') +
          (rawName === undefined ? ' has no name attribute' : ' has an empty name'),
      };
    }
    const earlier = where.get(name);
    if (earlier !== undefined) {
      return {
        ok: false,
        error:
          `The name ${quoted(name)} is used by two codes (${earlier} and ${place}); ` +
          'Claimmark matches categories by name, so names must be unique',
      };
    }
    where.set(name, place);
    const rawColor = attribute(node, 'color');
    const color = rawColor === undefined ? null : normalizeColor(rawColor);
    if (rawColor !== undefined && color === null) dropped.push(`${quoted(name)} (${rawColor})`);
    const [description] = childElements(node, 'Description');
    if (path.length >= 2) flattened.push(quoted(name));
    entries.push({
      name,
      parent: top,
      color,
      description: textOf(description).replace(/\r\n?/g, '\n'),
    });
    const children = childElements(node, 'Code').map((child, i) => ({
      node: child,
      top: top ?? name,
      path: [...path, name],
      position: i + 1,
    }));
    stack.push(...children.reverse());
  }

  const warnings: string[] = [];
  if (flattened.length) {
    warnings.push(
      `${flattened.length} code(s) nested deeper than two levels were placed under their ` +
        `top-level code: ${flattened.join(', ')}`,
    );
  }
  if (dropped.length) {
    warnings.push(`Colours that are not #rrggbb were ignored: ${dropped.join(', ')}`);
  }
  return { ok: true, entries, warnings };
}
