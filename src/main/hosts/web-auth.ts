/** The web host's gate: loopback Host and Origin only (no DNS rebinding, no cross-site pages), and the per-launch token. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'backprop_token';

export interface Gate {
  /** Why a request is refused, or null when it may pass. */
  refuse(req: IncomingMessage): string | null;
  /** True when the request carried the token in its query (the first page load), so a cookie can be set. */
  hasQueryToken(req: IncomingMessage): boolean;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return null;
}

export function createGate(token: string, port: () => number): Gate {
  const allowedHosts = () => [`127.0.0.1:${port()}`, `localhost:${port()}`];
  const queryToken = (req: IncomingMessage) =>
    new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('token');
  return {
    refuse(req) {
      const host = req.headers.host ?? '';
      if (!allowedHosts().includes(host)) return `foreign Host header ${JSON.stringify(host)}`;
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) {
        return `foreign Origin ${JSON.stringify(origin)}`;
      }
      const presented = queryToken(req) ?? cookieToken(req);
      if (presented === null) return 'missing token';
      if (!sameSecret(presented, token)) return 'wrong token';
      return null;
    },
    hasQueryToken(req) {
      const presented = queryToken(req);
      return presented !== null && sameSecret(presented, token);
    },
  };
}
