import { test } from './fixtures';

// The fixture must fail a test whose page makes a request or logs an error;
// these tests are expected to fail, and pass only when the guard catches them.

test('a network request from the page fails the test', async ({ app }) => {
  test.fail();
  await app.page.evaluate(() => fetch('https://example.com/tracker').catch(() => undefined));
});

test('a console error fails the test', async ({ app }) => {
  test.fail();
  await app.page.evaluate(() => console.error('something broke'));
});
