/**
 * The one IPC contract. Both processes import it: the main process registers a
 * handler per invoke channel (electron/ipc/handle.ts validates the arguments
 * with the schemas below), and the preload exposes one named function per
 * channel as `window.claimmark`. Nothing else crosses the bridge.
 */
import { z } from 'zod';
import type { FileReadResult } from './file-errors';
import { pathProblem } from './local-path';
import type { Result } from './result';

const path = z.string().min(1).max(4096);

/** A local absolute path: never a network share or a device path (shared/local-path.ts). */
const absolutePath = path.superRefine((p, ctx) => {
  const problem = pathProblem(p);
  if (problem)
    ctx.addIssue({ code: 'custom', message: `must be a local absolute path: it ${problem}` });
});

/**
 * The most files `files:watch` accepts at once. A type too, so the renderer
 * (which imports this module as types only, to keep zod out of its bundle)
 * can pin its own copy of the number to this one.
 */
export type MaxWatchedFiles = 5000;
export const MAX_WATCHED_FILES: MaxWatchedFiles = 5000;

export const saveTextRequest = z.object({
  /** Suggested file name only; the user picks the folder. */
  defaultName: z
    .string()
    .min(1)
    .max(255)
    .refine((s) => !/[\\/]/.test(s), 'must be a file name, not a path'),
  /** Text is written as UTF-8; bytes (a PNG chart) as they are. */
  content: z.union([z.string().max(512 * 1024 * 1024), z.instanceof(Uint8Array)]),
  filterName: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/))
    .min(1)
    .max(5),
});
export type SaveTextRequest = z.infer<typeof saveTextRequest>;

export interface SaveTextResponse {
  /** False when the user cancelled the dialog. */
  saved: boolean;
  path?: string;
}

/** What the open dialog offers: articles, a codebook file, a backup, a REFI-QDA project, or either of those two (another analyst's work). */
export const PICK_KINDS = ['text', 'codebook', 'backup', 'project', 'work'] as const;
export type PickKind = (typeof PICK_KINDS)[number];

/** Invoke channels: name → argument schema (a tuple) and result type. */
export const invokeArgs = {
  /** Without an argument: text files to import. */
  'files:open-dialog': z.union([z.tuple([]), z.tuple([z.enum(PICK_KINDS)])]),
  'files:open-folder-dialog': z.tuple([]),
  /** Reads files the main process granted (shown in a dialog, launched, dropped, watched). */
  'files:read': z.tuple([z.array(absolutePath).min(1).max(1000)]),
  /**
   * Files dropped on the window: the preload resolves each dropped `File` to
   * its path (webUtils) and sends the paths here, which grants and reads them.
   * Page script cannot reach it (context isolation), only `readDroppedFiles(files)`.
   */
  'files:read-dropped': z.tuple([z.array(absolutePath).min(1).max(1000)]),
  'files:take-launch-files': z.tuple([]),
  'export:save-text': z.tuple([saveTextRequest]),
  /**
   * Replaces the set of watched files (the library's documents' paths). Each path is
   * checked on its own: a bad one is skipped and reported, the others are watched.
   * After a restart this also makes the library's files readable again, those the
   * user opened in Claimmark on this machine that are still regular files.
   */
  'files:watch': z.tuple([z.array(path).max(MAX_WATCHED_FILES)]),
  /** The operating system's name for the user: the default coder name (Settings ▸ Your name). */
  'system:user-name': z.tuple([]),
} as const;

export interface InvokeResults {
  'files:open-dialog': FileReadResult[];
  'files:open-folder-dialog': FileReadResult[];
  'files:read': FileReadResult[];
  'files:read-dropped': FileReadResult[];
  'files:take-launch-files': FileReadResult[];
  'export:save-text': SaveTextResponse;
  /** The paths not watched (not local absolute paths, not opened here, gone), with why. */
  'files:watch': { skipped: { path: string; problem: string }[] };
  /** "" when the system has none to give. */
  'system:user-name': string;
}

export type InvokeChannel = keyof typeof invokeArgs;
export type InvokeArgs<C extends InvokeChannel> = z.infer<(typeof invokeArgs)[C]>;
/** What every handler returns across the bridge: a result, never a thrown error. */
export type InvokeResult<C extends InvokeChannel> = Result<InvokeResults[C], string>;

export const MENU_COMMANDS = ['open-files', 'export-library-csv', 'export-document-csv'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Events the main process sends to the renderer. */
export interface EventPayloads {
  /** Files opened from the menu, the command line, a second launch or "open with". */
  'files:opened': FileReadResult[];
  'menu:command': MenuCommand;
  /** A watched file (see 'files:watch') changed on disk: its absolute path. */
  'files:changed': string;
}
export type EventChannel = keyof EventPayloads;

/** What the preload exposes as `window.claimmark`. */
export interface ClaimmarkBridge {
  openFilesDialog(kind?: PickKind): Promise<InvokeResult<'files:open-dialog'>>;
  openFolderDialog(): Promise<InvokeResult<'files:open-folder-dialog'>>;
  readFiles(paths: string[]): Promise<InvokeResult<'files:read'>>;
  takeLaunchFiles(): Promise<InvokeResult<'files:take-launch-files'>>;
  saveTextFile(request: SaveTextRequest): Promise<InvokeResult<'export:save-text'>>;
  /** The path of a file dropped on the window (Electron's webUtils), or "". */
  pathForFile(file: File): string;
  /** Reads dropped files from disk; those without a path on disk are left out. */
  readDroppedFiles(files: File[]): Promise<InvokeResult<'files:read-dropped'>>;
  onFilesOpened(listener: (results: FileReadResult[]) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Replaces the set of files watched for changes (at most MAX_WATCHED_FILES). */
  watchFiles(paths: string[]): Promise<InvokeResult<'files:watch'>>;
  /** A watched file changed on disk; the listener gets its absolute path. */
  onFileChanged(listener: (path: string) => void): () => void;
  /** The OS user name, offered as the coder's name until the user gives one. */
  userName(): Promise<InvokeResult<'system:user-name'>>;
}
