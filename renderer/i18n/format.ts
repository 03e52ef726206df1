/**
 * Numbers and dates as the interface language writes them, each formatter
 * made once per locale: `toLocaleString` builds a new ICU formatter at every
 * call, and the library list calls it for each row it draws.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(
  key: string,
  make: () => F,
): F {
  let f = cache.get(key) as F | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** A count with the locale's grouping (12,345). */
export function formatCount(n: number, locale: string): string {
  return formatter(`count|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** A figure exactly, up to 12 fraction digits (3.2亿 = 320,000,000). */
export function formatFigure(n: number, locale: string): string {
  return formatter(
    `figure|${locale}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 12 }),
  ).format(n);
}

/** The day of an ISO time. */
export function formatDay(iso: string, locale: string): string {
  return formatter(`day|${locale}`, () => new Intl.DateTimeFormat(locale)).format(new Date(iso));
}

/** The day and time of an ISO time. */
export function formatDayTime(iso: string, locale: string): string {
  return formatter(
    `daytime|${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  ).format(new Date(iso));
}
