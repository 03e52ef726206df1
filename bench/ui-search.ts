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

/** The first result on screen: while the library is still being searched, or once it is. */
const firstHit: Check = {
  name: 'first hits',
  selector: '.library-search .search-hit',
  visibleIn: '.library-search .search-results',
};

/**
 * A fresh page load of the app; Ctrl+Shift+F and the first query typed at
 * once (timed from the shortcut's keydown to its first results on screen,
 * and to its final count), then each next query typed into the open panel
 * (timed from the input event to its count).
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
    [{ name: 'panel', selector: '.library-search input' }, firstHit, hintIs(first.hint)],
    async () => {
      // Typed in the page the moment the box has focus (one input event, as
      // from an input method): typed from here, the driver's own round trips
      // and checks put 150–500 ms between the shortcut and the typing, more
      // than the whole search, while the window sat idle.
      await page.evaluate((query) => {
        // No named function in here: tsx would wrap it in a helper the page lacks.
        const typed = new AbortController();
        document.addEventListener(
          'focusin',
          (event) => {
            if (!(event.target as HTMLElement).matches('.library-search input[type="search"]'))
              return;
            typed.abort();
            setTimeout(() => document.execCommand('insertText', false, query), 0);
          },
          { signal: typed.signal },
        );
      }, first.query);
      await page.keyboard.press('ControlOrMeta+Shift+F');
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
