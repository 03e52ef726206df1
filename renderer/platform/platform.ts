import type { FileReadResult } from '../../shared/file-errors';
import type { MenuCommand, PickKind } from '../../shared/ipc';

/**
 * What the renderer needs from its host. The browser build and the desktop
 * build differ only here: how files come in and how exports go out.
 */
export interface Platform {
  kind: 'web' | 'electron';
  /**
   * Shows the system's file picker for articles (the default), a codebook
   * file or a backup; an empty array means the user cancelled.
   */
  pickFiles(kind?: PickKind): Promise<FileReadResult[]>;
  /** Reads every text file of a folder the user picks (desktop only). */
  pickFolder: (() => Promise<FileReadResult[]>) | null;
  /** Reads files by path again (desktop only: a browser keeps no paths). */
  readPaths: ((paths: string[]) => Promise<FileReadResult[]>) | null;
  filesFromDrop(data: DataTransfer): Promise<FileReadResult[]>;
  /** Saves bytes the user exports (a chart as PNG, a workbook); resolves false when they cancel. */
  saveBytes(
    fileName: string,
    bytes: Uint8Array,
    filter: { name: string; extensions: string[] },
  ): Promise<boolean>;
  /** Saves text the user exports; resolves false when they cancel. */
  saveText(
    fileName: string,
    content: string,
    filter: { name: string; extensions: string[] },
  ): Promise<boolean>;
  /** Files opened from outside the page: menu, command line, "open with". */
  onFilesOpened(listener: (results: FileReadResult[]) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Files named on the command line at launch, handed over once. */
  takeLaunchFiles(): Promise<FileReadResult[]>;
  /**
   * Watch exactly these files (the library's documents' paths) for changes
   * on disk, replacing the previous list: call it at start and whenever the
   * library changes. Fire and forget; failures are only warned about. A no-op
   * in the browser, which has no paths.
   */
  watchFiles(paths: string[]): void;
  /** A watched file changed on disk (desktop only); gets its path. */
  onFileChanged(listener: (path: string) => void): () => void;
  /** The name offered for Settings ▸ Your name: the OS user name on the desktop, "" in a browser. */
  defaultCoderName(): Promise<string>;
}
