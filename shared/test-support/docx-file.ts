/**
 * Minimal Word files for tests, zipped with fflate: heading styles, the
 * document's properties (docProps/core.xml) as Word writes them, and an image
 * linked from outside the file, which a reader must never fetch.
 */
import { strToU8, zipSync } from 'fflate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface DocxParagraph {
  text: string;
  /** A paragraph style id: 'Heading1' or 'Heading2'. */
  style?: 'Heading1' | 'Heading2';
}

export interface DocxOptions {
  /** docProps/core.xml; left out of the file when absent. */
  core?: { title?: string; creator?: string; created?: string };
  /** An image whose bytes are at this address instead of in the file (`r:link`). */
  linkedImage?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const para = ({ text, style }: DocxParagraph) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t>${esc(text)}</w:t></w:r></w:p>`;

const headingStyle = (id: string, name: string) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;

/** A run holding only a picture whose bytes are linked, not embedded. */
const linkedPicture =
  '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">' +
  '<wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Picture 1" descr="chart"/>' +
  '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
  '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
  '<pic:nvPicPr><pic:cNvPr id="1" name="x.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
  `<pic:blipFill><a:blip xmlns:r="${R}" r:link="rImg"/></pic:blipFill>` +
  '<pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';

function coreXml({ title, creator, created }: NonNullable<DocxOptions['core']>): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (title !== undefined ? `<dc:title>${esc(title)}</dc:title>` : '') +
    (creator !== undefined ? `<dc:creator>${esc(creator)}</dc:creator>` : '') +
    (created !== undefined
      ? `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>`
      : '') +
    '</cp:coreProperties>'
  );
}

export function docxBytes(paragraphs: DocxParagraph[], options: DocxOptions = {}): Uint8Array {
  const { core, linkedImage } = options;
  const coreRel = core
    ? `<Relationship Id="r0" Type="${PKG}/metadata/core-properties" Target="docProps/core.xml"/>`
    : '';
  const imageRel = linkedImage
    ? `<Relationship Id="rImg" Type="${R}/image" Target="${esc(linkedImage)}" TargetMode="External"/>`
    : '';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        (core
          ? '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          : '') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${PKG}">` +
        `<Relationship Id="r1" Type="${R}/officeDocument" Target="word/document.xml"/>${coreRel}</Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="${PKG}">` +
        `<Relationship Id="r2" Type="${R}/styles" Target="styles.xml"/>${imageRel}</Relationships>`,
    ),
    'word/styles.xml': strToU8(
      `<?xml version="1.0"?><w:styles ${W}>${headingStyle('Heading1', 'heading 1')}${headingStyle('Heading2', 'heading 2')}</w:styles>`,
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document ${W}><w:body>` +
        paragraphs.map(para).join('') +
        (linkedImage ? linkedPicture : '') +
        '</w:body></w:document>',
    ),
    ...(core ? { 'docProps/core.xml': strToU8(coreXml(core)) } : {}),
  });
}
