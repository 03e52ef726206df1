/** The All annotations view through the app's UI, on a seeded library. */
import type { Page } from '@playwright/test';
import {
  TABLE_STATUS,
  TABLE_TEXT,
  type Check,
  type ProbeResult,
  type TableExpectation,
} from './api';
import { openApp } from './launch';
import { TIMEOUT_MS, timed, type UiOptions } from './ui-views';

export interface TableUiRun {
  open: ProbeResult;
  /** From the click until the first screenful of rows showed, in natural order (the first row checked). */
  firstRowsMs: number;
  /** From the click on "All annotations" until "Finding sections…" went away, seen from Node. */
  sectionsWallMs: number;
  sortAsc: ProbeResult;
  sortDesc: ProbeResult;
  status: ProbeResult;
  text: ProbeResult;
}

/** A row this far down is on screen in the bench's 1400×900 window once the first screenful is. */
const SCREENFUL_ROW = 15;

/**
 * A fresh page load of the app; "All annotations" (first rows, then all rows and the count shown);
 * once sections are found, a click on the Quote header (the first row
 * changes), a second click (descending), ticking one status, and typing a
 * filter text (the count changes).
 */
export type TableStep = 'open' | 'sortAsc' | 'sortDesc' | 'status' | 'text';

export async function tableThroughUi(
  page: Page,
  x: TableExpectation,
  { appPath = '', step, during }: UiOptions<TableStep> = {},
): Promise<TableUiRun> {
  await openApp(page, appPath);
  const hook = (name: TableStep) => (name === step ? during : undefined);
  const countIs = (n: number): Check => ({
    name: 'count',
    selector: '[data-testid="all-annotations-count"]',
    text: `${n} of ${x.total} annotations`,
    exact: true,
  });
  const firstQuote = (quote: string): Check => ({
    name: 'first row',
    selector: '.aa-body .aa-data-row[data-index="0"] .aa-quote',
    text: quote,
    exact: true,
  });
  const t0 = Date.now();
  const open = await timed(
    page,
    'open the table',
    'click',
    [
      { name: 'rows', selector: '.aa-body .aa-data-row', visibleIn: '.aa-body' },
      {
        name: 'screenful',
        selector: `.aa-body .aa-data-row[data-index="${SCREENFUL_ROW}"]`,
        visibleIn: '.aa-body',
      },
      countIs(x.total),
      firstQuote(x.firstQuote),
    ],
    () => page.getByRole('button', { name: 'All annotations' }).click(),
    hook('open'),
  );
  await page.waitForFunction(
    () => !document.querySelector('.aa-header')?.textContent?.includes('Finding sections'),
    undefined,
    { timeout: TIMEOUT_MS, polling: 50 },
  );
  const sectionsWallMs = Date.now() - t0;
  const firstRowsMs = Math.max(
    ...['rows', 'screenful', 'first row'].map((name) => open.marks[name] ?? NaN),
  );
  const header = page.getByRole('columnheader', { name: 'Quote' }).getByRole('button');
  const click = () => header.click();
  const sortAsc = await timed(
    page,
    'sort',
    'click',
    [firstQuote(x.firstAsc)],
    click,
    hook('sortAsc'),
  );
  const sortDesc = await timed(
    page,
    'sort',
    'click',
    [firstQuote(x.firstDesc)],
    click,
    hook('sortDesc'),
  );
  const filters = page.getByRole('search', { name: 'Filters' });
  const label = TABLE_STATUS.charAt(0).toUpperCase() + TABLE_STATUS.slice(1);
  const status = await timed(
    page,
    'status filter',
    'click',
    [countIs(x.status)],
    () => filters.getByLabel(label).click(),
    hook('status'),
  );
  const text = await timed(
    page,
    'text filter',
    'input',
    [countIs(x.statusAndText)],
    () => filters.getByRole('searchbox').fill(TABLE_TEXT),
    hook('text'),
  );
  return { open, firstRowsMs, sectionsWallMs, sortAsc, sortDesc, status, text };
}
