/**
 * The bare-CodeMirror baselines (harness page, its own browser), taken one
 * at a time so that each stands just before the app's run it is compared
 * with: taken minutes apart, a baseline and its app figure met different
 * loads, and the ratio moved with whatever else the machine was doing.
 */
import { launch, openHarness } from './launch';
import type { Context } from './scenario-common';

export interface BareBaselines {
  /** The reference text shown, no marks. */
  bare(): Promise<number>;
  /** The same with the app's highlight field and `ctx.annotations` marks. */
  marked(): Promise<number>;
  /** scrollIntoView(middle) until the middle shows. */
  scroll(): Promise<number>;
  /** One Dexie put + the highlight field redrawn with one more mark. */
  tag(): Promise<number>;
  close(): Promise<void>;
}

export async function bareBaselines(ctx: Context): Promise<BareBaselines> {
  const session = await launch(ctx.origin, ctx.probeScript);
  const { page } = session;
  const ref = ctx.reference;
  const checked = async (ms: Promise<number>): Promise<number> => {
    const value = await ms;
    if (session.problems.length) throw new Error(session.problems.join('\n'));
    return value;
  };
  try {
    await openHarness(page);
    await page.evaluate(([n, l]) => window.bench.load(n, l), [ref.name, 'utf-8'] as const);
  } catch (error) {
    await session.close();
    throw error;
  }
  return {
    bare: () => checked(page.evaluate((n) => window.bench.bareRender(n, 0), ref.name)),
    marked: () =>
      checked(
        page.evaluate(([n, c]) => window.bench.bareRender(n, c), [
          ref.name,
          ctx.annotations,
        ] as const),
      ),
    scroll: () =>
      checked(
        page.evaluate(([n, p, t]) => window.bench.bareScroll(n, p, t), [
          ref.name,
          ref.middle,
          ref.middleSnippet,
        ] as const),
      ),
    tag: () =>
      checked(
        page.evaluate(([n, c]) => window.bench.bareTag(n, c), [ref.name, ctx.annotations] as const),
      ),
    close: () => session.close(),
  };
}
