/**
 * What the library search and All annotations measurements share when they
 * drive the app's real UI (the production build at `/`, on a profile whose
 * 'claimmark' database the harness seeded): the timed step, the seeded
 * library session, and the profiles of one step. Each step is timed in the
 * page by probe.ts, from the user's event to the first animation frame at
 * which the screen shows the result.
 */
import type { Page } from '@playwright/test';
import type { Check, LibraryInfo, ProbeResult, Trigger } from './api';
import { launch, openApp, openHarness, type Session } from './launch';
import { startCpuProfile, startTrace, summariseCpu, summariseTrace } from './profile';
import type { Table } from './report';
import { shares, type Context } from './scenario-common';
export const TIMEOUT_MS = 180_000;

/** Starts a profile or trace before one step; what it returns stops it. */
export type During = (page: Page) => Promise<() => Promise<void>>;

/** Arms the probe, acts, and waits for every check to hold (inside `during`, if given). */
export async function timed(
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
