import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HEADER_ONLY_DIRECTIVES,
  PAGE_DIRECTIVES,
  contentSecurityPolicyHeader,
} from '../../../src/main/hosts/content-security-policy';

const RENDERER = path.resolve(import.meta.dirname, '../../../src/renderer');
const indexHtml = readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
const metaPolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(indexHtml)?.[1] ?? '';
const directives = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);

describe('the page policy', () => {
  it("index.html's <meta> says exactly the page directives, and none that a browser only honours as a header", () => {
    expect(directives(metaPolicy)).toEqual(PAGE_DIRECTIVES);
    for (const name of ['frame-ancestors', 'report-uri', 'sandbox']) expect(metaPolicy).not.toContain(name);
  });

  it('the header carries the page directives and frame-ancestors, connect-src widened only by what is asked', () => {
    expect(directives(contentSecurityPolicyHeader())).toEqual([...PAGE_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES]);
    expect(HEADER_ONLY_DIRECTIVES).toContain("frame-ancestors 'none'");
    expect(directives(contentSecurityPolicyHeader(['ws://127.0.0.1:5'])).find((d) => d.startsWith('connect-src'))).toBe(
      "connect-src 'self' ws://127.0.0.1:5",
    );
  });

  it('index.html names a favicon file that exists (resources/icon.png), so no browser asks for /favicon.ico', () => {
    const href = /<link rel="icon"[^>]* href="([^"]+)"/.exec(indexHtml)?.[1] ?? '';
    expect(href).not.toMatch(/^data:/);
    expect(path.resolve(RENDERER, href)).toBe(path.resolve(RENDERER, '../../resources/icon.png'));
    expect(existsSync(path.resolve(RENDERER, href))).toBe(true);
  });
});
