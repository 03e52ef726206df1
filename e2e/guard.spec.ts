import { expect, test } from './fixtures';

// The fixture fails any test whose page logs an error or makes a request that
// leaves the app. These tests show that it notices both; each then clears the
// record so that its own final check passes.

test('a request to the outside is refused by the CSP, and the guard reports it', async ({
  app,
}) => {
  const status = await app.page.evaluate(() =>
    fetch('https://example.com/tracker').then(
      (r) => r.status,
      () => 'blocked',
    ),
  );
  expect(status).toBe('blocked');
  // The page's Content-Security-Policy stops it before the network does.
  await expect
    .poll(() =>
      app.problems.some((p) => /Content Security Policy/.test(p) && p.includes('example.com')),
    )
    .toBe(true);
  app.problems.length = 0;
});

test('the guard notices a console error', async ({ app }) => {
  await app.page.evaluate(() => console.error('something broke'));
  await expect.poll(() => app.problems).toEqual(['console error: something broke']);
  app.problems.length = 0;
});
