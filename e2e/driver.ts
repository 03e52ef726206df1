import type { Locator, Page } from '@playwright/test';

export interface FixtureFile {
  name: string;
  bytes: Buffer;
}

/** What a spec does to the app, the same on both targets. */
export interface AppDriver {
  page: Page;
  /** Opens files the way a user would: "Open files" and the system picker. */
  openFiles(files: FixtureFile[]): Promise<void>;
  /** Reload (web) or quit and relaunch (desktop) on the same profile. */
  restart(): Promise<void>;
  /** Exports CSV through the UI and returns the saved file's bytes. */
  exportCsv(scope: 'document' | 'library'): Promise<Buffer>;
  /** Clicks a button that saves a file and returns the saved bytes. */
  exportCsvFrom(button: Locator): Promise<Buffer>;
  /** Problems the page reported: console errors and requests that left the app. */
  problems: string[];
}

export function watchPage(page: Page, problems: string[], isLocal: (url: string) => boolean): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!isLocal(request.url())) problems.push(`network request: ${request.url()}`);
  });
}
