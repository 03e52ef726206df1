/** Library search (Ctrl+Shift+F) through the app's UI, on a seeded library. */
import type { Page } from '@playwright/test';
import type { Check, ProbeResult } from './api';
import { openApp } from './launch';
import { timed, type UiOptions } from './ui-views';

export interface SearchStep {
  query: string;
  /** The panel's line for it: "{n} matches in {docs} documents". */
  hint: string;
}

const hintIs = (hint: string): Check => ({
  name: 'results',
  selector: '.library-search .hint',
  text: hint,
  exact: true,
});

/**
 * A fresh page load of the app; Ctrl+Shift+F and the first query typed at
 * once (timed from the shortcut's keydown to its results), then each next
 * query typed into the open panel (timed from the input event).
 */
export async function searchThroughUi(
  page: Page,
  first: SearchStep,
  next: SearchStep[],
  { appPath = '', step, during }: UiOptions<string> = {},
): Promise<{ first: ProbeResult; next: ProbeResult[]; buttons: number[] }> {
  await openApp(page, appPath);
  const hook = (query: string) => (query === step ? during : undefined);
  const panel = page.getByRole('search', { name: 'Search library' });
  const box = panel.getByRole('searchbox');
  const buttons: number[] = [];
  const count = () => page.locator('[aria-label="Search results"] .search-hit').count();
  const opened = await timed(
    page,
    'first search',
    'keydown',
    [{ name: 'panel', selector: '.library-search input' }, hintIs(first.hint)],
    async () => {
      await page.keyboard.press('ControlOrMeta+Shift+F');
      await box.fill(first.query);
    },
    hook(first.query),
  );
  buttons.push(await count());
  const runs: ProbeResult[] = [];
  for (const s of next) {
    runs.push(
      await timed(
        page,
        `search ${s.query}`,
        'input',
        [hintIs(s.hint)],
        () => box.fill(s.query),
        hook(s.query),
      ),
    );
    buttons.push(await count());
  }
  return { first: opened, next: runs, buttons };
}
