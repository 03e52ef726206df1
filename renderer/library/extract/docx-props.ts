/**
 * What a Word file says about itself (docProps/core.xml). Only the title is
 * taken. `dc:creator` is the account that made the file ("Microsoft Office
 * User", "Administrator", a reporter's colleague), not the article's byline;
 * `dcterms:created` is when the file was made, often from a template years
 * old, not when the article was published. A byline in the text itself is
 * found by the reader's structure detection instead.
 */
import { unzipSync } from 'fflate';
import { childElements, parseXml, textOf } from '../../../shared/codebook-qdc';

const CORE = 'docProps/core.xml';

/** Titles Word and WPS leave from a blank document or template: they name no article. */
const PLACEHOLDER = /^(?:title|untitled|document\s*\d*|doc\d*|标题|无标题|文档\s*\d*)$/i;

function coreXml(bytes: Uint8Array): string | null {
  try {
    // Only the central directory is read and only this entry inflated.
    const entry = unzipSync(bytes, { filter: (file) => file.name === CORE })[CORE];
    return entry ? new TextDecoder('utf-8').decode(entry) : null;
  } catch {
    return null;
  }
}

/** The file's `dc:title`, whitespace collapsed; absent when missing, empty or a placeholder. */
export function docxTitle(bytes: Uint8Array): string | undefined {
  const xml = coreXml(bytes);
  if (xml === null) return undefined;
  const parsed = parseXml(xml);
  if (!parsed.ok) return undefined;
  const [props] = childElements(parsed.document, 'coreProperties');
  const [title] = childElements(props, 'title');
  const text = textOf(title).replace(/\s+/g, ' ').trim();
  return text && !PLACEHOLDER.test(text) ? text : undefined;
}
