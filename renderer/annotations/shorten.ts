/** Shortens a quote for a list, on code points so no character is cut in half. */
export function shorten(quote: string, max = 90): string {
  const chars = Array.from(quote.replace(/\s+/g, ' '));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** The first line of a note that has any text, shortened for a one-line summary. */
export function firstLine(note: string, max = 160): string {
  const line = note.split('\n').find((l) => l.trim() !== '') ?? '';
  return shorten(line.trim(), max);
}
