import { expect, type Locator, type Page } from '@playwright/test';

/** The reader's text box and the points where a quote begins and ends. */
async function quoteEdges(page: Page, needle: string) {
  return page.evaluate((needle) => {
    const content = document.querySelector('.cm-content');
    if (!content) throw new Error('no reader content');
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    const nodes: { node: Text; at: number }[] = [];
    let all = '';
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      nodes.push({ node, at: all.length });
      all += node.data;
    }
    const index = all.indexOf(needle);
    if (index < 0) throw new Error(`"${needle}" is not on screen`);
    const locate = (offset: number) => {
      const hit = [...nodes].reverse().find((n) => n.at <= offset);
      if (!hit) throw new Error('offset outside text');
      return { node: hit.node, offset: offset - hit.at };
    };
    const rectOf = (offset: number) => {
      const a = locate(offset);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(a.node, a.offset + 1);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, y: r.top + r.height / 2 };
    };
    const first = rectOf(index);
    const last = rectOf(index + needle.length - 1);
    return { start: { x: first.left + 1, y: first.y }, end: { x: last.right - 1, y: last.y } };
  }, needle);
}

/**
 * Where a quote stands once the reader has stopped moving: a jump scrolls on the
 * editor's next measure, so on a busy machine a first reading can be stale.
 */
async function settledEdges(page: Page, needle: string) {
  let last = JSON.stringify(await quoteEdges(page, needle));
  for (let i = 0; i < 50; i++) {
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const now = JSON.stringify(await quoteEdges(page, needle));
    if (now === last) break;
    last = now;
  }
  return JSON.parse(last) as Awaited<ReturnType<typeof quoteEdges>>;
}

/** Selects text as a user does: click where it starts, shift+click where it ends. */
export async function selectText(page: Page, needle: string): Promise<void> {
  await expect(page.locator('.cm-content')).toContainText(needle);
  const { start, end } = await settledEdges(page, needle);
  await page.mouse.click(start.x, start.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(end.x, end.y);
  await page.keyboard.up('Shift');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(needle);
}

/** Clicks the middle of a quote in the reader. */
export async function clickText(page: Page, needle: string): Promise<void> {
  await expect(page.locator('.cm-content')).toContainText(needle);
  const { start, end } = await settledEdges(page, needle);
  await page.mouse.click((start.x + end.x) / 2, (start.y + end.y) / 2);
}

export const reader = (page: Page) => page.getByRole('region', { name: 'Reader' });
export const annotationItems = (page: Page) =>
  page.getByRole('region', { name: 'Annotations' }).getByRole('listitem');
/**
 * Opens a row of the annotation panel into its editor. Rows are summaries;
 * only the selected annotation shows its fields. A click on the quote selects it.
 */
export async function expandAnnotation(item: Locator): Promise<void> {
  const toggle = item.getByRole('button').first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}
export const libraryItems = (page: Page) =>
  page.getByRole('list', { name: 'Library' }).getByRole('listitem');

/** "Replace text…" in the reader's header, answered with `file` (a plain-text file). */
export async function replaceTextWith(
  page: Page,
  file: { name: string; buffer: Buffer },
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await reader(page).getByRole('button', { name: 'Replace text…' }).click();
  await (await chooser).setFiles({ ...file, mimeType: 'text/plain' });
}
