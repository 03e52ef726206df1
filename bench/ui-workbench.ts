/**
 * Issue 4's measurements through the app's real UI (the production build at
 * `/`, on a profile whose 'claimmark' database the harness seeded): library
 * search (Ctrl+Shift+F) and the All annotations view. Each step is timed in
 * the page by probe.ts, from the user's event to the first animation frame at
 * which the screen shows the result.
 */
import type { Page } from '@playwright/test';
import {
  TABLE_STATUS,
  TABLE_TEXT,
  type Check,
  type LibraryInfo,
  type ProbeResult,
  type TableExpectation,
  type Trigger,
} from './api';
import { launch, openApp, openHarness, type Session } from './launch';
import { startCpuProfile, startTrace, summariseCpu, summariseTrace } from './profile';
import type { Table } from './report';
import { shares, type Context } from './scenario-common';

const TIMEOUT_MS = 180_000;

/** Starts a profile or trace before one step; what it returns stops it. */
export type During = (page: Page) => Promise<() => Promise<void>>;

/** Arms the probe, acts, and waits for every check to hold (inside `during`, if given). */
async function timed(
  page: Page,
  what: string,
  trigger: Trigger,
  checks: Check[],
  act: () => Promise<unknown>,
  during?: During,
): Promise<ProbeResult> {
  await page.evaluate(([t, c, ms]) => window.benchProbe.arm(t, c, ms), [
    trigger,
    checks,
    TIMEOUT_MS,
  ] as const);
  const stop = during ? await during(page) : null;
  await act();
  const r = await page.evaluate(() => window.benchProbe.result());
  await stop?.();
  if (r.timedOut) throw new Error(`${what}: timed out; reached ${JSON.stringify(r.marks)}`);
  return r;
}

/** Where the app is served ('' the production build, 'profile/' the unminified one), and one step to profile. */
export interface UiOptions<Step extends string> {
  appPath?: string;
  step?: Step;
  during?: During;
}

export interface LibrarySession {
  session: Session;
  info: LibraryInfo;
  seed: { docsMs: number; annotationsMs: number };
}

/**
 * A fresh profile: the app loaded once (it seeds its codebook), then the
 * harness makes the library and writes it into the app's database. The
 * harness page stays open, the library still in its memory.
 */
export async function librarySession(
  origin: string,
  probeScript: string,
  docs: number,
  bytes: number,
  annotations: number,
): Promise<LibrarySession> {
  const session = await launch(origin, probeScript);
  try {
    const { page } = session;
    await openApp(page);
    await openHarness(page);
    const info = await page.evaluate(([d, b, a]) => window.bench.makeLibrary(d, b, a), [
      docs,
      bytes,
      annotations,
    ] as const);
    const seed = await page.evaluate(() => window.bench.seedLibrary());
    return { session, info, seed };
  } catch (error) {
    await session.close();
    throw error;
  }
}

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

export interface TableUiRun {
  open: ProbeResult;
  /** From the click on "All annotations" until "Finding sections…" went away, seen from Node. */
  sectionsWallMs: number;
  sortAsc: ProbeResult;
  sortDesc: ProbeResult;
  status: ProbeResult;
  text: ProbeResult;
}

/**
 * A fresh page load of the app; "All annotations" (rows and count shown);
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
  return { open, sectionsWallMs, sortAsc, sortDesc, status, text };
}

/** A `During` that takes a JS CPU profile (attributed to the unminified build) and prints it. */
export function cpuProfileOf(ctx: Context, table: Table, title: string): During {
  return async (page) => {
    const stop = await startCpuProfile(page);
    return async () => {
      const c = await summariseCpu(await stop(), ctx.profileBundle.path, ctx.profileBundle.file);
      table.detail(`${title}, page main thread (unminified build; profiling slows it down):`, '');
      shares(table, 'JS CPU profile by module', c.totalMs, c.byModule);
      shares(table, 'JS CPU profile by function (self time)', c.totalMs, c.byFunction);
    };
  };
}

/** A `During` that records a timeline trace and prints the main thread's self time by event. */
export function traceOf(table: Table, title: string): During {
  return async (page) => {
    const stop = await startTrace(page);
    return async () => {
      const t = summariseTrace(await stop());
      shares(
        table,
        `${title}, renderer main thread by trace event (self time)`,
        t.totalMs,
        t.byEvent,
      );
    };
  };
}
