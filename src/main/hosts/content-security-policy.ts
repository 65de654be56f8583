/**
 * The page's Content-Security-Policy, written once for both hosts. The <meta> in src/renderer/index.html carries the
 * page directives (a file:// page in Electron has no server); the header-only directives (frame-ancestors), which a
 * browser ignores — and reports as a console error — when they come in a <meta>, are sent as a response header by
 * the web host and by Electron's session, together with the page directives.
 */

/** What the <meta> in index.html says, directive by directive (tests/main/hosts/content-security-policy.test.ts checks it). */
export const PAGE_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** Directives a browser honours only in a response header: never framed by another page. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ["frame-ancestors 'none'"];

/**
 * The header's policy: the page directives (connect-src widened by `connectSources`, e.g. the web host's own
 * WebSocket origins) and the header-only ones.
 */
export function contentSecurityPolicyHeader(connectSources: readonly string[] = []): string {
  const page = PAGE_DIRECTIVES.map((directive) =>
    directive.startsWith('connect-src ') && connectSources.length > 0 ? `${directive} ${connectSources.join(' ')}` : directive,
  );
  return [...page, ...HEADER_ONLY_DIRECTIVES].join('; ');
}
