/**
 * The web host's gate: loopback Host and Origin only (no DNS rebinding, no cross-site pages), and the per-launch
 * token on every API request. The token is never ambient: no cookie (cookies are not scoped by port, so every
 * other local port would receive it). The page sends it explicitly: `Authorization: Bearer <token>` on HTTP
 * requests and the WebSocket subprotocol `backprop.token.<token>` when it connects.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The subprotocol the server selects (the token's own entry is never echoed back). */
export const WS_PROTOCOL = 'backprop.v1';
export const WS_TOKEN_PREFIX = 'backprop.token.';

export interface Gate {
  /** Why a request is refused, or null when it may pass. `needsToken`: API requests (the static page does not). */
  refuse(req: IncomingMessage, needsToken: boolean): string | null;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token a request presents: its bearer header, or its WebSocket subprotocol entry. */
function presentedToken(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  for (const entry of (req.headers['sec-websocket-protocol'] ?? '').split(',')) {
    const value = entry.trim();
    if (value.startsWith(WS_TOKEN_PREFIX)) return value.slice(WS_TOKEN_PREFIX.length);
  }
  return null;
}

export function createGate(token: string, port: () => number): Gate {
  const allowedHosts = () => [`127.0.0.1:${port()}`, `localhost:${port()}`];
  return {
    refuse(req, needsToken) {
      const host = req.headers.host ?? '';
      if (!allowedHosts().includes(host)) return `foreign Host header ${JSON.stringify(host)}`;
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) {
        return `foreign Origin ${JSON.stringify(origin)}`;
      }
      if (!needsToken) return null;
      const presented = presentedToken(req);
      if (presented === null) return 'missing token';
      if (!sameSecret(presented, token)) return 'wrong token';
      return null;
    },
  };
}
