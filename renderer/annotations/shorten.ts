/** Shortens a quote for a list, on code points so no character is cut in half. */
export function shorten(quote: string, max = 90): string {
  const chars = Array.from(quote.replace(/\s+/g, ' '));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
