/**
 * The measurements made through the app's real UI (the production build at
 * `/`). Each is timed inside the page by probe.ts: from the user's event to
 * the first animation frame at which the screen shows the result.
 */
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import type { Check, ProbeResult, SeededDocument, Trigger } from './api';
import { launch, openApp, openHarness, type Session } from './launch';

export interface Timed {
  probe: ProbeResult;
  /** Wall time seen from Node, from the last Playwright action to the result. */
  wallMs: number;
  /** An open only: from the click to the frame with the whole text in the reader. */
  wholeMs?: number;
}

const TIMEOUT_MS = 180_000;

/** A reader line containing `text`, inside the reader's scroll box. */
const onScreen = (text: string) => ({ selector: '.cm-line', text, visibleIn: '.cm-scroller' });

function arm(page: Page, trigger: Trigger, checks: Check[]): Promise<void> {
  return page.evaluate(([t, c, ms]) => window.benchProbe.arm(t, c, ms), [
    trigger,
    checks,
    TIMEOUT_MS,
  ] as const);
}

async function result(page: Page, what: string): Promise<ProbeResult> {
  const r = await page.evaluate(() => window.benchProbe.result());
  if (r.timedOut) {
    const notices = await page.evaluate(
      () => document.querySelector('.notices')?.textContent ?? '',
    );
    throw new Error(
      `${what}: timed out; reached ${JSON.stringify(r.marks)}; notices said: ${notices || '(none)'}`,
    );
  }
  return r;
}

export interface ImportOptions {
  /** Starts a profile before the import; what it returns stops it. */
  during?: (page: Page) => Promise<() => Promise<void>>;
  /** More checks that must hold before the import counts as done. */
  extra?: Check[];
  /** Where the app is served ('' the production build, 'profile/' the unminified one). */
  appPath?: string;
}

/**
 * "Open files", the file chooser, then the reader showing the text (and what
 * `extra` checks). A fresh profile each time: an empty library, and the decode
 * worker not yet started.
 */
export async function importThroughUi(
  origin: string,
  probeScript: string,
  filePath: string,
  sentinel: string,
  { during, extra = [], appPath = '' }: ImportOptions = {},
): Promise<Timed> {
  const session = await launch(origin, probeScript);
  try {
    const { page } = session;
    await openApp(page, appPath);
    const stop = during ? await during(page) : null;
    await arm(page, 'change', [
      // The file name: the title is the text's first headline, which may be anywhere in it.
      { name: 'library', selector: '[aria-label="Library"] li', text: basename(filePath) },
      { name: 'text', ...onScreen(sentinel) },
      ...extra,
    ]);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open files' }).click();
    const t0 = Date.now();
    await (await chooser).setFiles(filePath);
    const probe = await result(page, 'import');
    const wallMs = Date.now() - t0;
    await stop?.();
    failOnProblems(session);
    return { probe, wallMs };
  } finally {
    await session.close();
  }
}

function failOnProblems(session: Session): void {
  if (session.problems.length)
    throw new Error(`the page reported:\n${session.problems.join('\n')}`);
}

/** A profile whose library holds one document with many annotations, for the open measurements. */
export interface OpenSession {
  session: Session;
  seeded: SeededDocument;
  /** The reads the app makes to open it, timed in the harness (ms each). */
  reads: Record<string, number>;
}

export async function seededSession(
  origin: string,
  probeScript: string,
  dataName: string,
  count: number,
  reps: number,
): Promise<OpenSession> {
  const session = await launch(origin, probeScript);
  const { page } = session;
  await openApp(page); // seeds the codebook
  await openHarness(page);
  await page.evaluate((n) => window.bench.load(n, 'utf-8'), dataName);
  const seeded = await page.evaluate(([n, c]) => window.bench.seedDocument(n, c), [
    dataName,
    count,
  ] as const);
  const reads = await page.evaluate(([id, r]) => window.bench.openReads(id, r), [
    seeded.docId,
    reps,
  ] as const);
  return { session, seeded, reads };
}

/** What an open of the seeded document waits for: its text on screen, highlights, the count. */
export const openChecks = (seeded: SeededDocument, count: number): Check[] => [
  { name: 'text', ...onScreen(seeded.sentinel) },
  { name: 'highlights', selector: '.cm-content .cm-hl' },
  {
    name: 'count',
    selector: '[aria-label="Annotations"] .count',
    text: String(count),
    exact: true,
  },
];

/**
 * Loads the app (at `appPath`) with no document open, clicks the seeded one in
 * the library, and waits for its text, its highlights and the annotation count.
 */
export async function openThroughUi(
  { session, seeded }: OpenSession,
  count: number,
  appPath = '',
  during?: (page: Page) => Promise<() => Promise<void>>,
): Promise<Timed> {
  const { page } = session;
  await openHarness(page);
  await page.evaluate(() => window.bench.forgetLastDocument());
  await openApp(page, appPath);
  const item = page
    .getByRole('list', { name: 'Library' })
    .getByRole('listitem')
    .filter({ hasText: seeded.title })
    .locator('button.doc-open');
  await item.waitFor();
  await arm(page, 'click', openChecks(seeded, count));
  const stop = during ? await during(page) : null;
  const t0 = Date.now();
  await item.click();
  const probe = await result(page, 'open');
  const wallMs = Date.now() - t0;
  // A long text shows its head first (renderer/db/heads.ts): when the rest is in the view too.
  // A string, not a function: tsx would wrap the inner arrow in a helper the page lacks.
  const wholeAt = await page.evaluate<number>(`new Promise((resolve) => {
    const check = () => document.querySelector('.reader-host[aria-busy="false"]')
      ? resolve(performance.now())
      : requestAnimationFrame(check);
    check();
  })`);
  await stop?.();
  failOnProblems(session);
  return { probe, wallMs, wholeMs: wholeAt - probe.startedAt };
}

/** With the document open: scroll the reader's own view to `pos` (CodeMirror dispatch). */
export async function scrollThroughView(page: Page, pos: number, snippet: string): Promise<Timed> {
  await page.evaluate(() => window.benchProbe.scrollReader(0));
  await page.waitForTimeout(200);
  const t0 = Date.now();
  const found = await page.evaluate(
    ([p, s, ms]) => {
      const check = { name: 'middle', selector: '.cm-line', text: s, visibleIn: '.cm-scroller' };
      window.benchProbe.arm('now', [check], ms);
      return window.benchProbe.scrollReader(p);
    },
    [pos, snippet, TIMEOUT_MS] as const,
  );
  if (!found) throw new Error('no CodeMirror view found on .cm-content (internals changed?)');
  const probe = await result(page, 'scroll');
  return { probe, wallMs: Date.now() - t0 };
}

/**
 * Scrolls the (virtualised) annotation list until row `index` is rendered,
 * as a user scrolling to it would. Rows are estimated, then measured, so the
 * first jump can land a little off: correct from the rows on screen.
 */
async function scrollListTo(page: Page, index: number): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const found = await page.evaluate((i) => {
      const pane = document.querySelector('aside.annotations');
      const rows = [...document.querySelectorAll('li.annotation[data-index]')];
      if (!pane || rows.length === 0) return false;
      if (rows.some((r) => r.getAttribute('data-index') === String(i))) return true;
      const first = Number(rows[0]?.getAttribute('data-index'));
      const perRow = pane.scrollTop > 0 && first > 0 ? pane.scrollTop / first : 148;
      pane.scrollTop += (i - first) * perRow;
      return false;
    }, index);
    if (found) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`annotation row ${index} never rendered`);
}

/** With the document open: click an annotation in the list; the reader jumps to it. */
export async function jumpThroughList(
  page: Page,
  target: SeededDocument['targets'][number],
): Promise<Timed> {
  const item = `li.annotation[data-index="${target.index}"]`;
  const button = page.locator(`${item} button.quote`);
  // The list measures rows as they render and may move (and unmount) the row just
  // found: scroll to it again rather than wait on a row that is gone.
  for (let attempt = 1; ; attempt++) {
    await scrollListTo(page, target.index);
    try {
      await button.scrollIntoViewIfNeeded({ timeout: 3000 });
      break;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
  await arm(page, 'click', [
    {
      name: 'active',
      selector: `.cm-content .cm-hl-active[data-annotation="${target.id}"]`,
      visibleIn: '.cm-scroller',
    },
    { name: 'list', selector: `${item}.active` },
  ]);
  const t0 = Date.now();
  await button.click();
  const probe = await result(page, 'jump');
  return { probe, wallMs: Date.now() - t0 };
}

const COUNT = '[aria-label="Annotations"] .count';
/** The transaction that stores a change, seen by probe.ts; the screen may show the change first. */
const STORED: Check = { name: 'stored', selector: '', event: 'rw transaction committed' };

/** When a key press painted its change and when it was stored. */
export interface KeyTimed {
  paint: number;
  stored: number;
  probe: ProbeResult;
}

async function press(page: Page, key: string, checks: Check[], what: string): Promise<KeyTimed> {
  // As a person presses keys: after the work the last one set off (counts, the
  // claim links of the active annotation) is done, not in the middle of it.
  await page.evaluate(
    () => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 5000 })),
  );
  await arm(page, 'keydown', [...checks, STORED]);
  await page.keyboard.press(key);
  const probe = await result(page, what);
  const paint = Math.max(...checks.map((c) => probe.marks[c.name] ?? NaN));
  return { paint, stored: probe.events['rw transaction committed'] ?? NaN, probe };
}

/**
 * With the document open: select a few characters on screen in the reader and
 * press 1 (the first category), as an analyst tags a claim. Painted when the
 * new highlight is on screen, active, and the count says so.
 */
export async function tagThroughKeyboard(
  page: Page,
  skip: number,
  total: number,
  created: string[],
): Promise<KeyTimed & { id: string }> {
  const selected = await page.evaluate((k) => window.benchProbe.selectInReader(k, 6), skip);
  if (!selected) throw new Error('no CodeMirror view found on .cm-content (internals changed?)');
  // Seeded annotations have ids "bench-…", and earlier runs' ones are known: the new one is neither.
  const fresh =
    '.cm-content .cm-hl-active:not([data-annotation^="bench-"])' +
    created.map((id) => `:not([data-annotation="${id}"])`).join('');
  const timed = await press(
    page,
    '1',
    [
      { name: 'count', selector: COUNT, text: String(total), exact: true },
      { name: 'highlight', selector: fresh, visibleIn: '.cm-scroller' },
    ],
    'tag',
  );
  const id = await page.locator(fresh).first().getAttribute('data-annotation');
  if (!id) throw new Error('the new highlight has no data-annotation');
  created.push(id);
  return { ...timed, id };
}

/**
 * Right after a tag, with its text still selected: 2 adds the second category
 * (the highlight shows two bands), Delete removes it, Ctrl+Z brings it back.
 */
export async function editThroughKeyboard(
  page: Page,
  id: string,
  total: number,
): Promise<{ category: KeyTimed; remove: KeyTimed; undo: KeyTimed }> {
  const mark = `.cm-content .cm-hl[data-annotation="${id}"]`;
  const category = await press(
    page,
    '2',
    [{ name: 'bands', selector: `${mark}[style*="to bottom"]`, visibleIn: '.cm-scroller' }],
    'add a category',
  );
  const remove = await press(
    page,
    'Delete',
    [
      { name: 'gone', selector: mark, absent: true },
      { name: 'count', selector: COUNT, text: String(total - 1), exact: true },
    ],
    'delete',
  );
  const undo = await press(
    page,
    'Control+z',
    [
      { name: 'back', selector: mark, visibleIn: '.cm-scroller' },
      { name: 'count', selector: COUNT, text: String(total), exact: true },
    ],
    'undo',
  );
  return { category, remove, undo };
}
