import type { FileReadResult } from '../../shared/file-errors';
import type { MenuCommand } from '../../shared/ipc';

/**
 * What the renderer needs from its host. The browser build and the desktop
 * build differ only here: how files come in and how exports go out.
 */
export interface Platform {
  kind: 'web' | 'electron';
  /** Shows the system's file picker; an empty array means the user cancelled. */
  pickFiles(): Promise<FileReadResult[]>;
  /** Reads every text file of a folder the user picks (desktop only). */
  pickFolder: (() => Promise<FileReadResult[]>) | null;
  filesFromDrop(data: DataTransfer): Promise<FileReadResult[]>;
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
}
