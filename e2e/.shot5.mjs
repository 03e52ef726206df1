import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [, , out, scheme = 'light', locale = 'en-US'] = process.argv;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--disable-background-networking', '--disable-component-update'],
});
const ctx = await browser.newContext({
  viewport: { width: 1440, height: 900 },
  colorScheme: scheme,
  locale,
});
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto('http://localhost:4174/');
const chooser = page.waitForEvent('filechooser');
await page.getByRole('button', { name: /Open files|打开文件/ }).click();
const corpus = readFileSync('/work/shared/corpus/inner-mongolia-interviews-2025.txt');
await (
  await chooser
).setFiles([
  { name: 'inner-mongolia-interviews-2025.txt', mimeType: 'text/plain', buffer: corpus },
]);
await page.locator('.cm-content').waitFor();
const lines = await page.locator('.cm-line').allInnerTexts();
let k = 0;
for (const line of lines.filter((l) => l.length > 60).slice(0, 8)) {
  for (const [a, b, key] of [
    [2, 14, '1'],
    [10, 24, String(2 + (k % 4))],
    [30, 44, String(1 + ((k + 2) % 5))],
  ]) {
    const needle = line.slice(a, b);
    const r = await page.evaluate((needle) => {
      const c = document.querySelector('.cm-content');
      const w = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
      const ns = [];
      let all = '';
      while (w.nextNode()) {
        ns.push({ n: w.currentNode, at: all.length });
        all += w.currentNode.data;
      }
      const i = all.indexOf(needle);
      if (i < 0) return null;
      const loc = (o) => {
        const h = [...ns].reverse().find((x) => x.at <= o);
        return { n: h.n, o: o - h.at };
      };
      const rect = (o) => {
        const a = loc(o);
        const r = document.createRange();
        r.setStart(a.n, a.o);
        r.setEnd(a.n, a.o + 1);
        return r.getBoundingClientRect();
      };
      const f = rect(i),
        l = rect(i + needle.length - 1);
      if (f.top < 0 || l.bottom > window.innerHeight) return null;
      return {
        x1: f.left + 1,
        y1: f.top + f.height / 2,
        x2: l.right - 1,
        y2: l.top + l.height / 2,
      };
    }, needle);
    if (!r) continue;
    await page.mouse.click(r.x1, r.y1);
    await page.keyboard.down('Shift');
    await page.mouse.click(r.x2, r.y2);
    await page.keyboard.up('Shift');
    await page.keyboard.press(key);
    k++;
  }
}
await page.waitForTimeout(300);
await page.keyboard.press('Control+f');
await page.keyboard.type('发展');
await page.waitForTimeout(300);
await page.screenshot({ path: out.replace('.png', '-reader.png') });
await page.getByRole('button', { name: /^Statistics$|^统计$/ }).click();
await page.waitForTimeout(800);
await page.screenshot({ path: out.replace('.png', '-stats.png') });
await page.getByRole('button', { name: /^All annotations$|^全部标注$/ }).click();
await page.waitForTimeout(800);
await page.screenshot({ path: out.replace('.png', '-all.png') });
await browser.close();
