/**
 * What an importer of a laid-out format (PDF, DOCX, HTML) hands to the
 * library: the reading text and the structure the file itself knows, so the
 * outline and page numbers are right by construction instead of guessed.
 */

/** How a document reached the library; plain text files are 'text'. */
export type SourceFormat = 'text' | 'pdf' | 'docx' | 'html';

export interface ExtractedHeading {
  /** UTF-16 offset in `text` where the heading's line starts. */
  start: number;
  /** 1 = headline, 2 = subhead, 3 = minor heading. */
  level: 1 | 2 | 3;
}

export interface Extracted {
  /** The reading text: LF line ends, one paragraph per line, a blank line between articles. */
  text: string;
  headings: ExtractedHeading[];
  /** UTF-16 offset where each page starts (`pages[0] === 0`); null for formats without pages. */
  pages: number[] | null;
  /** What the file says about itself, when it says it. */
  meta: { title?: string; byline?: string; date?: string };
}

/** Why a file of a known format gave no text; the message names the file. */
export type ExtractFailure =
  | 'scanned' // a PDF without a text layer (no OCR here)
  | 'encrypted' // a password-protected PDF or DOCX
  | 'damaged' // truncated or not the format its name says
  | 'empty'; // the format is fine but holds no text

export type ExtractResult =
  { ok: true; value: Extracted } | { ok: false; code: ExtractFailure; detail?: string };
