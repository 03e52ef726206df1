/**
 * The one Content-Security-Policy: the desktop app sends it as a header on
 * app:// and the production web build carries it as a meta tag. The page may
 * talk to nothing but itself. (`frame-ancestors` only works as a header; the
 * meta tag leaves it out.)
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');
export const CSP_META = CSP_DIRECTIVES.join('; ');
