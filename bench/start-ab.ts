/**
 * `npm run bench:start-ab -- now=dist/renderer before=/tmp/old`: the big
 * library's start (library-scale.ts) for two or more builds of the app,
 * taken in turn on one profile and one library, with the raw baseline beside
 * them. A start moves by ±30 ms from one page load to the next here, so a
 * change of 10–20 ms shows only over many paired runs: it prints each
 * build's median and how often it was the faster of a pair.
 * Environment: AB_RUNS (default 20), AB_ANNOTATIONS (20000; the start reads
 * only the newest document's).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, openApp, openHarness } from './launch';
import { rawStart } from './library-scale';
import { median } from './report';
import { serve } from './server';
import { armAtStart, startChecks, startOnce } from './ui-start';

const DOCS = 2000;
const RUNS = Number(process.env.AB_RUNS ?? 20);
const ANNOTATIONS = Number(process.env.AB_ANNOTATIONS ?? 20_000);

const builds = process.argv.slice(2).map((arg) => {
  const [name, dir] = arg.split('=');
  if (!name || !dir) throw new Error(`expected name=folder, got "${arg}"`);
  return { name, dir: resolve(dir) };
});
if (builds.length < 2) throw new Error('give two builds or more: name=folder name=folder');
if (!existsSync(resolve('dist-bench/probe.js')))
  throw new Error('No dist-bench/probe.js: `npm run bench` builds it.');

const served = await serve([
  { prefix: '/bench/', dir: resolve('dist-bench') },
  ...builds.map((b) => ({ prefix: `/${b.name}/`, dir: b.dir })),
]);
const session = await launch(served.origin, resolve('dist-bench/probe.js'));
try {
  const { page } = session;
  await openApp(page, `${builds[0]!.name}/`); // seeds the codebook
  await openHarness(page);
  const info = await page.evaluate(([d, a]) => window.bench.makeScaleLibrary(d, a), [
    DOCS,
    ANNOTATIONS,
  ] as const);
  await page.evaluate(() => window.bench.seedScaleLibrary());
  await armAtStart(page, startChecks(info.newest, info.newest.annotations));
  const starts = new Map(builds.map((b) => [b.name, [] as number[]]));
  const raw: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    // Each round in another order: the first start after the baseline page is not the same as the second.
    const order = run % 2 === 0 ? builds : [...builds].reverse();
    for (const b of order) starts.get(b.name)!.push((await startOnce(page, `${b.name}/`)).ms);
    raw.push(await rawStart(page, DOCS));
  }
  // The first round warms the code caches: left out.
  for (const list of [...starts.values(), raw]) list.shift();
  const [first, second] = builds;
  const a = starts.get(first!.name)!;
  const b = starts.get(second!.name)!;
  const wins = a.filter((ms, i) => ms < b[i]!).length;
  for (const [name, list] of starts)
    console.log(
      `${name}: median ${median(list).toFixed(0)} ms (${list.map((x) => x.toFixed(0)).join(' ')})`,
    );
  console.log(`raw baseline: median ${median(raw).toFixed(0)} ms`);
  console.log(`${first!.name} faster than ${second!.name} in ${wins} of ${a.length} pairs`);
} finally {
  await session.close();
  await served.close();
}
