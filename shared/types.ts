/** Domain types shared by the renderer, the main process and the CSV code. */
import type { ExtractedHeading, SourceFormat } from './extract/types';
import type { OffsetMap } from './offset-map';
import type { HeadingOverrides } from './structure';
import type { FigureRecord } from './claims/link';
import type { Quantity } from './claims/quantity';

/** WHATWG encoding labels Claimmark detects and can reopen a file as. */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030 / GBK',
  big5: 'Big5',
};

/** One entry of the library list. The text lives apart, in `DocumentText`. */
export interface DocumentRecord {
  id: string;
  /** SHA-256 (hex) of the decoded, LF-normalised text: the document's identity. */
  sha256: string;
  title: string;
  fileName: string;
  /** Absolute path on disk when opened by the desktop app; absent in the browser. */
  filePath?: string;
  encoding: Encoding;
  /** True when the file started with a byte order mark. */
  bom: boolean;
  /** Length of the text in Unicode code points ("characters" as a reader counts them). */
  length: number;
  addedAt: string;
  /**
   * Set when the text shown is a reflow of hard-wrapped lines (the original is
   * kept in `DocumentOriginal`); null when the text is shown as in the file.
   */
  reflow: ReflowInfo | null;
  /** Lines the user promoted to or demoted from heading, by start offset. */
  headingOverrides?: HeadingOverrides;
  /** The file's format; absent on text documents (and on every record older than it). */
  format?: SourceFormat;
  /** UTF-16 offsets in the text where each page starts (PDF); absent without pages. */
  pages?: number[];
  /** The headings the file itself marks (PDF, DOCX, HTML): they make the outline. */
  headings?: ExtractedHeading[];
  /** Who wrote it and when, where the file says so (a web page's byline and date). */
  byline?: string;
  date?: string;
}

export interface ReflowInfo {
  /** Non-empty lines in the original file. */
  lines: number;
  /** Paragraphs they became. */
  paragraphs: number;
}

/** The decoded file before reflow, and where each shown character came from. */
export interface DocumentOriginal {
  docId: string;
  text: string;
  map: OffsetMap;
}

export interface DocumentText {
  docId: string;
  text: string;
}

/** The bytes as read from disk, kept so the user can reopen them as another encoding. */
export interface DocumentSource {
  docId: string;
  bytes: Uint8Array;
}

export interface Annotation {
  id: string;
  docId: string;
  /** UTF-16 offsets into the document text, end exclusive. */
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  categoryIds: string[];
  note: string;
  createdAt: string;
  updatedAt: string;
  /**
   * The coder (Settings ▸ Your name) who made it, and who last changed it; ""
   * when no name was set then. Absent only on records older than schema
   * version 5 that were never upgraded (fixtures, old backups).
   */
  createdBy?: string;
  updatedBy?: string;
  /** How far the claim holds up; 'unverified' until the analyst decides. */
  status: ClaimStatus;
  /** Who makes the claim (the person quoted, an agency); free text. */
  speaker: string;
  /** Sources or links backing the status; shown as text, never fetched. */
  evidence: string;
  /**
   * True when the text changed and the quote could not be found again. The
   * annotation is kept (with its old position and quote) until the user
   * re-attaches or deletes it.
   */
  orphaned?: boolean;
  /** The figures in the quote (findQuantities), kept up to date with it. */
  quantities?: Quantity[];
  /** Those figures as the claim index keeps them (shared/claims/link.ts), stored so a start need not read every quote. */
  claimFigures?: FigureRecord[];
}

export interface Category {
  id: string;
  name: string;
  /** The parent category for a subcategory (two levels); null at the top. */
  parentId: string | null;
  /** `#rrggbb`; the reader draws it translucent under the text. */
  color: string;
  description: string;
  /** Position in the codebook; keys 1–9 follow it. */
  order: number;
  /** Suggested claims of this kind are accepted into this category. */
  claimKind?: ClaimKind;
}

/** What a suggested claim is (shared/claims/detect.ts). */
export type ClaimKind = 'statistic' | 'target' | 'attribution' | 'comparison';
export const CLAIM_KINDS: readonly ClaimKind[] = [
  'statistic',
  'target',
  'attribution',
  'comparison',
];

/** A suggested claim the analyst dismissed in a document (keyed by its sentence). */
export interface Dismissal {
  /** `${docId}\n${quote}` */
  id: string;
  docId: string;
  quote: string;
  at: string;
}

/** Characters of context stored on each side of a quote (as Hypothesis does). */
export const CONTEXT_CHARS = 32;

export const CLAIM_STATUSES = ['unverified', 'supported', 'disputed', 'false', 'opinion'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
