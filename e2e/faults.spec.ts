import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateText, prng } from '../bench/generate';
import { libraryBackup } from './fault-library';
import { expect, test } from './fixtures';
import { KillableBrowser } from './killable-browser';
import { libraryState, type LibraryState } from './library-state';
import { annotationItems, expandAnnotation, libraryItems, reader } from './reader';
import { utf8File } from './samples';

/**
 * Kill -9 at a random moment, then start again on the same profile. `npm test`
 * runs one seeded trial of each kind; `npm run test:faults` runs more
 * (CLAIMMARK_FAULT_TRIALS, CLAIMMARK_FAULT_SEED pick how many and which).
 */
const TRIALS = Number(
  process.env.CLAIMMARK_FAULT_TRIALS ??
    (process.env.npm_lifecycle_event === 'test:faults' ? 10 : 1),
);
const SEED = Number(process.env.CLAIMMARK_FAULT_SEED ?? 20261201);

test.skip(
  ({ target }) => target !== 'web',
  'the fault specs kill a Chromium they start themselves',
);

async function withBrowser(
  baseURL: string | undefined,
  run: (browser: KillableBrowser, page: Page) => Promise<void>,
): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'claimmark-faults-'));
  const browser = new KillableBrowser(profile, baseURL ?? '');
  try {
    await run(browser, await browser.start());
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function openFile(
  browser: KillableBrowser,
  page: Page,
  name: string,
  bytes: Buffer,
): Promise<void> {
  await browser.chooseFile(page, name, bytes, () =>
    page.getByRole('button', { name: 'Open files' }).click(),
  );
}

async function restore(browser: KillableBrowser, page: Page, backup: Buffer): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await browser.chooseFile(page, 'b.json', backup, () =>
    page.getByRole('button', { name: 'Restore from backup…' }).click(),
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Replace library' }).click();
}

/** After any kill: the app starts, and the library is whole. */
async function restartAndCheck(
  browser: KillableBrowser,
): Promise<{ page: Page; state: LibraryState }> {
  await browser.kill();
  const page = await browser.start();
  await expect(
    page.getByRole('list', { name: 'Library' }).or(page.getByText('Your library is empty')),
  ).toBeVisible();
  const state = await libraryState(page);
  expect(state.strays, 'annotations without a document').toBe(0);
  expect(state.incomplete, 'documents without their text or bytes').toEqual([]);
  return { page, state };
}

/** How long after its key press a highlight must be stored (a tag's write takes 10–50 ms here). */
const STORED_WITHIN_MS = 250;

const shownCount = async (page: Page) => {
  const meta = await libraryItems(page).first().textContent();
  return Number(/(\d+) annotation/.exec(meta ?? '')?.[1] ?? 0);
};

for (let trial = 0; trial < TRIALS; trial++) {
  // Each test its own draw, whatever order the workers run them in.
  const between = (kind: number, lo: number, hi: number) =>
    lo + Math.floor(prng(SEED + trial * 16 + kind)() * (hi - lo));

  test(`kill while tagging: every highlight shown a moment before the kill is kept (trial ${trial + 1})`, async ({
    baseURL,
  }) => {
    const delay = between(1, 800, 4000);
    await withBrowser(baseURL, async (browser, page) => {
      await openFile(browser, page, 'budget.txt', utf8File().bytes);
      await expect(reader(page)).toContainText('grew by 5.8 percent');
      await reader(page)
        .locator('.cm-line')
        .nth(2)
        .click({ position: { x: 2, y: 5 } });
      await page.keyboard.press('Home');
      let stop = false;
      const tagging = (async () => {
        for (let i = 0; i < 200 && !stop; i++) {
          for (let k = 0; k < 2; k++) await page.keyboard.press('Shift+ArrowRight');
          await page.keyboard.press(String(1 + (i % 3)));
          await page.keyboard.press('ArrowRight');
        }
      })().catch(() => undefined);
      await page.waitForTimeout(delay);
      const shown = await shownCount(page);
      // A highlight is painted at its key press and stored a moment later, so
      // a kill may take the last moment's; tagging goes on until the kill.
      await page.waitForTimeout(STORED_WITHIN_MS);
      stop = true;
      const { state } = await restartAndCheck(browser);
      await tagging;
      expect(shown, 'some highlights were made before the kill').toBeGreaterThan(0);
      expect(state.annotations).toBeGreaterThanOrEqual(shown);
    });
  });

  test(`kill while importing 10 MB: the document is there whole or not at all (trial ${trial + 1})`, async ({
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const delay = between(2, 200, 4000);
    const bytes = Buffer.from(generateText(10 * 1024 * 1024, SEED + trial), 'utf8');
    await withBrowser(baseURL, async (browser, page) => {
      await openFile(browser, page, 'big.txt', bytes);
      await page.waitForTimeout(delay);
      const acknowledged = (await libraryItems(page).count()) > 0;
      const { state } = await restartAndCheck(browser);
      expect(state.documents.length).toBeLessThanOrEqual(1);
      if (acknowledged) expect(state.documents).toHaveLength(1);
    });
  });

  test(`kill while restoring: the old library or the new one, never a mix (trial ${trial + 1})`, async ({
    baseURL,
  }) => {
    const delay = between(3, 0, 2500);
    const backup = libraryBackup(3, 300, SEED + trial);
    const incoming = JSON.parse(backup.toString('utf8')) as { documents: { id: string }[] };
    await withBrowser(baseURL, async (browser, page) => {
      await openFile(browser, page, 'budget.txt', utf8File().bytes);
      await expect(libraryItems(page)).toHaveCount(1);
      const before = await libraryState(page);
      await restore(browser, page, backup);
      await page.waitForTimeout(delay);
      const { state } = await restartAndCheck(browser);
      const after = incoming.documents.map((d) => d.id).sort();
      if (state.documents.length === before.documents.length) {
        expect(state).toMatchObject({ documents: before.documents, annotations: 0 });
      } else {
        expect(state).toMatchObject({ documents: after, annotations: 900 });
      }
    });
  });

  test(`kill while typing a note in a 20,000-annotation library: at most the last keystroke lost (trial ${trial + 1})`, async ({
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const typed = '核对统计公报原文，增速与去年同期口径不一致需复核。';
    const keys = between(4, 6, [...typed].length);
    await withBrowser(baseURL, async (browser, page) => {
      await restore(browser, page, libraryBackup(1, 20000, SEED + trial));
      await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible({
        timeout: 90_000,
      });
      await libraryItems(page).first().getByRole('button').first().click();
      const item = annotationItems(page).first();
      await expandAnnotation(item);
      const note = item.getByLabel('Note');
      await note.focus();
      // About nine characters a second, as a person types.
      for (const ch of [...typed].slice(0, keys)) {
        await page.keyboard.type(ch);
        await page.waitForTimeout(110);
      }
      const { page: again } = await restartAndCheck(browser);
      // Stored in its annotation, or put back from the journal as the app starts.
      const storedNote = async () => {
        const notes = Object.values((await libraryState(again)).notes);
        expect(notes.length, 'the generated library has no other note').toBeLessThanOrEqual(1);
        return notes[0] ?? '';
      };
      const allButTheLast = [...typed].slice(0, keys - 1).join('');
      // The app starts by reading the 20,000 annotations too: on a loaded machine, give it time.
      await expect
        .poll(storedNote, {
          message: `at most the last of ${keys} keystrokes lost`,
          timeout: 30_000,
        })
        .toMatch(new RegExp(`^${allButTheLast}`));
      expect(typed.startsWith(await storedNote())).toBe(true);
    });
  });
}
