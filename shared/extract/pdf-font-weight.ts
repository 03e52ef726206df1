/**
 * Whether a PDF font is a bold face, from the name the PDF gives it. pdf.js
 * says `bold` only for fonts it substitutes (not embedded); an embedded
 * font's weight is in its PostScript name, which producers write as
 * `Family-Style` after a subset tag (`ABCDEF+LiberationSerif-Bold`) or, for
 * TrueType named by Windows, `Family,Bold`.
 */

/** Style words for weights a reader sees as bold: semibold upward, and Japanese W6–W9. */
const BOLD_STYLE = /(?:bold|black|heavy|fett)|(?:^|[^a-z])W[6-9](?:$|[^0-9])/i;

export function fontNameIsBold(name: string | undefined): boolean {
  if (!name) return false;
  const base = name.replace(/^[A-Z]{6}\+/, '');
  // The family part says nothing of weight ("Blackletter" is a family, not a weight); the style part does.
  const split = base.search(/[-,]/);
  if (split >= 0) return BOLD_STYLE.test(base.slice(split + 1));
  // No separator: the style is run into the name (ArialBold, TimesNewRomanBold), so only a trailing word counts.
  return /(?:bold|black|heavy)(?:mt|ps)?$/i.test(base);
}
