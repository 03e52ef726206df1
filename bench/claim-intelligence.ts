/**
 * Claim intelligence: detectClaims on a 1 MB Chinese text and the
 * claim index over 100,000 claims, in the harness page, each next to a
 * baseline measured in the same run (harness-claims.ts).
 */
import { launch, openHarness } from './launch';
import type { Table } from './report';
import { repeat, type Context } from './scenario-common';

const DETECT_BYTES = 1024 * 1024;
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const QUERIES = 200;
const n = (x: number) => x.toLocaleString('en');

export async function claimIntelligence(ctx: Context, table: Table): Promise<void> {
  const session = await launch(ctx.origin, ctx.probeScript);
  try {
    const { page } = session;
    await openHarness(page);
    ctx.progress(`claims: generating a 1 MB text and ${n(CLAIMS)} claims`);
    const setup = await page.evaluate(([b, c]) => window.bench.setupClaims(b, c), [
      DETECT_BYTES,
      CLAIMS,
    ] as const);
    table.section(
      `Claims: detectClaims on ${n(setup.chars)} characters (1 MB UTF-8) of generated Chinese news; ` +
        `a ClaimIndex of ${n(setup.claims)} claims (${n(setup.figures)} figures, ${n(setup.documents)} documents) (harness page)`,
    );
    const detect = await repeat(ctx.reps, () => page.evaluate(() => window.bench.detectRun(false)));
    const split = await repeat(ctx.reps, () => page.evaluate(() => window.bench.detectRun(true)));
    const d = detect[0]!;
    table.row(
      `detectClaims: ${n(d.found)} candidates, ${n(d.quantities)} figures`,
      detect.map((r) => r.ms),
      {
        label: `split at 。！？, test for a digit (${n(split[0]!.found)})`,
        samples: split.map((r) => r.ms),
      },
    );
    ctx.progress('claims: index build and queries');
    const build = (mode: 'fresh' | 'stored' | 'map') =>
      repeat(ctx.reps, () => page.evaluate((m) => window.bench.indexBuild(m), mode));
    const maps = await build('map');
    table.row('ClaimIndex: first build, reading every quote', await build('fresh'), {
      label: 'Map of figure keys',
      samples: maps,
    });
    table.row('ClaimIndex: build at a start, from stored figure records', await build('stored'), {
      label: 'Map of figure keys',
      samples: maps,
    });
    // The queries run on the index built last.
    const q = await page.evaluate((c) => window.bench.indexQueries(c, false), QUERIES);
    const scan = await page.evaluate((c) => window.bench.indexQueries(c, true), 20);
    table.row(`ClaimIndex.query: one claim's matches (${QUERIES} claims)`, q.ms, {
      label: 'scan every figure of the library',
      samples: scan.ms,
    });
    table.detail('links found by the queries', n(q.links));
    if (session.problems.length) throw new Error(session.problems.join('\n'));
  } finally {
    await session.close();
  }
}
