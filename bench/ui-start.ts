/**
 * The app's start on the big library, driven through the real UI: a page load
 * timed from navigation start, and one annotation change afterwards (a tag, a
 * keystroke of a note) with the main thread's busy time around it.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { Check, ProbeResult, ScaleLibraryInfo } from './api';
import { startTrace, summariseTrace } from './profile';
import { timed, TIMEOUT_MS, type During } from './ui-views';

/** The page load that arms the probe at its very start (see armAtStart). */
const START_HASH = '#bench-start';
/** How long after a change the main thread is watched (the app's reaction is asynchronous). */
export const SETTLE_MS = 1500;

interface StartWindow {
  benchProbe?: Window['benchProbe'];
  benchArmedAt?: number;
}

const currentRow = 'ul[aria-label="Library"] li[aria-current="true"]';

/** What the user waits for at start: library rows, and the newest document open with its count. */
export function startChecks(newest: ScaleLibraryInfo['newest'], count: number): Check[] {
  return [
    { name: 'list', selector: 'ul[aria-label="Library"] li' },
    {
      name: 'row',
      selector: `${currentRow} .doc-meta`,
      text: `${count} annotations`,
      visibleIn: 'ul[aria-label="Library"]',
    },
    { name: 'text', selector: '.cm-line', text: newest.sentinel, visibleIn: '.cm-scroller' },
    {
      name: 'count',
      selector: '[aria-label="Annotations"] .count',
      text: String(count),
      exact: true,
    },
  ];
}

/**
 * A page script cannot run before navigation starts, and probe.ts arms only
 * once asked. This init script (run at document creation, before the app's
 * own scripts) arms it as soon as probe.ts has defined it, on page loads of
 * START_HASH only, and keeps when that was (ms since navigation start), so a
 * start's time is armedAt + the probe's time.
 */
export async function armAtStart(page: Page, checks: Check[]): Promise<void> {
  // A string, not a function: tsx would wrap the function's inner arrows in a
  // helper (__name) that the page does not have.
  const args = JSON.stringify([START_HASH, checks, TIMEOUT_MS]);
  await page.context().addInitScript({
    content: `(() => {
      const [hash, checks, timeoutMs] = ${args};
      if (location.hash !== hash) return;
      const arm = (probe) => {
        window.benchArmedAt = performance.now();
        probe.arm('now', checks, timeoutMs);
      };
      if (window.benchProbe) return arm(window.benchProbe);
      // Init scripts run in no set order: wait for probe.ts to define the probe.
      let probe;
      Object.defineProperty(window, 'benchProbe', {
        configurable: true,
        get: () => probe,
        set(value) {
          probe = value;
          arm(value);
        },
      });
    })();`,
  });
}

export interface StartRun {
  /** From navigation start to the first frame at which every check held. */
  ms: number;
  probe: ProbeResult;
  armedAt: number;
  /** Navigation timing: the HTML received, DOMContentLoaded done (ms since navigation start). */
  responseEnd: number;
  domContentLoaded: number;
  /** JS heap used right after the start, and after a full garbage collection (bytes). */
  heapUsed: number;
  heapRetained: number;
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/** One start: a blank page, then the app loaded at `appPath` (probe armed by armAtStart). */
export async function startOnce(page: Page, appPath = '', during?: During): Promise<StartRun> {
  await page.goto('about:blank');
  const stop = during ? await during(page) : null;
  await page.goto(`/${appPath}${START_HASH}`);
  const probe = await page.evaluate(() => window.benchProbe.result());
  await stop?.();
  if (probe.timedOut || probe.done === null)
    throw new Error(`start: timed out; reached ${JSON.stringify(probe.marks)}`);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    return {
      armedAt: (window as unknown as StartWindow).benchArmedAt ?? NaN,
      responseEnd: nav?.responseEnd ?? NaN,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
    };
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Runtime.enable');
    const used = await heapUsed(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    const retained = await heapUsed(cdp);
    return {
      ms: timing.armedAt + probe.done,
      probe,
      ...timing,
      heapUsed: used,
      heapRetained: retained,
    };
  } finally {
    await cdp.detach();
  }
}

export interface ChangeRun {
  probe: ProbeResult;
  /** The renderer main thread's busy time from the key press until SETTLE_MS after the result. */
  busyMs: number;
}

/**
 * Runs `act` and waits for `checks`, inside a timeline trace that goes on for
 * SETTLE_MS more; or inside `during` (a profile) instead, when given.
 */
async function traced(
  page: Page,
  what: string,
  checks: Check[],
  act: () => Promise<unknown>,
  instead?: During,
): Promise<ChangeRun> {
  let busyMs = NaN;
  const trace: During = async (p) => {
    const stop = await startTrace(p);
    return async () => {
      await p.waitForTimeout(SETTLE_MS);
      busyMs = summariseTrace(await stop()).totalMs;
    };
  };
  const probe = await timed(page, what, 'keydown', checks, act, instead ?? trace);
  return { probe, busyMs };
}

/**
 * With the newest document open: select 6 characters on screen and press 1.
 * Done when its library row and the panel both count `total`.
 */
export async function tagOnce(
  page: Page,
  skip: number,
  total: number,
  instead?: During,
): Promise<ChangeRun> {
  const selected = await page.evaluate((k) => window.benchProbe.selectInReader(k, 6), skip);
  if (!selected) throw new Error('no CodeMirror view found on .cm-content (internals changed?)');
  return traced(
    page,
    'tag',
    [
      {
        name: 'row',
        selector: `${currentRow} .doc-meta`,
        text: `${total} annotations`,
        visibleIn: 'ul[aria-label="Library"]',
      },
      {
        name: 'count',
        selector: '[aria-label="Annotations"] .count',
        text: String(total),
        exact: true,
      },
    ],
    () => page.keyboard.press('1'),
    instead,
  );
}

/** The same trace window with nothing pressed: what the page does anyway. */
export async function idleWindow(page: Page): Promise<number> {
  const stop = await startTrace(page);
  await page.waitForTimeout(SETTLE_MS);
  return summariseTrace(await stop()).totalMs;
}

/**
 * Counts the page's getAll() requests still in flight (window.benchReadsInFlight),
 * from an init script: a read of the whole library can take the database
 * half a minute while the main thread looks idle, and its result then lands
 * on the main thread in the middle of a later measurement.
 */
export async function countReadsInFlight(page: Page): Promise<void> {
  await page.context().addInitScript({
    content: `(() => {
      window.benchReadsInFlight = 0;
      for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
        const getAll = proto.getAll;
        proto.getAll = function (...args) {
          const request = getAll.apply(this, args);
          window.benchReadsInFlight++;
          const done = () => window.benchReadsInFlight--;
          request.addEventListener('success', done);
          request.addEventListener('error', done);
          return request;
        };
      }
    })();`,
  });
}

/**
 * Waits until no getAll() is in flight (see countReadsInFlight) and the main
 * thread has been (nearly) idle for a trace window, so that what one change
 * set off (the claim links of a new annotation read the whole library) is not
 * counted against the next.
 */
export async function settle(page: Page, tries = 120): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const reading = await page.evaluate(
      () => (window as unknown as { benchReadsInFlight?: number }).benchReadsInFlight ?? 0,
    );
    if (reading > 0) await page.waitForTimeout(SETTLE_MS);
    else if ((await idleWindow(page)) < 50) return;
  }
  throw new Error('the page never settled');
}

/** `during`, stopped `ms` later than the probe's checks hold: what follows a change is its cost too. */
export function withTail(during: During, ms: number): During {
  return async (page) => {
    const stop = await during(page);
    return async () => {
      await page.waitForTimeout(ms);
      await stop();
    };
  };
}

/** One character typed into the note of the selected annotation (nothing to wait for on screen). */
export async function noteKeystroke(page: Page, instead?: During): Promise<ChangeRun> {
  const note = page.getByRole('region', { name: 'Annotations' }).getByLabel('Note');
  await note.click();
  await page.waitForTimeout(300);
  return traced(
    page,
    'note keystroke',
    // A textarea's value is not in the DOM: the busy time after the key is the figure.
    [{ name: 'editor', selector: '[aria-label="Annotations"] li.annotation.active' }],
    () => page.keyboard.type('x'),
    instead,
  );
}
