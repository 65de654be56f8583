/**
 * Connection limits of the web host, so that idle sockets (no token needed to open one) cannot exhaust its file
 * descriptors and lock out the page: a hard cap on connections, a smaller cap on connections that have not yet
 * presented the token (over it, the oldest such connection is closed, so a newcomer — the page — always gets in),
 * and an idle timeout for those connections. A connection that presents the token is trusted and keeps its slot.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** All connections at once; the server drops any beyond (Node's server.maxConnections). */
  maxConnections: number;
  /** Connections that have not presented the token; over this, the oldest of them is closed. */
  maxUntrusted: number;
  /** A connection without the token that sends nothing for this long is closed. */
  untrustedIdleMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { maxConnections: 1024, maxUntrusted: 64, untrustedIdleMs: 10_000 };

export interface ConnectionGuard {
  /** Mark a connection as having presented the token: it leaves the untrusted pool and its idle timeout. */
  trust(socket: Socket): void;
  /** How many connections are open now (for tests and diagnostics). */
  counts(): { trusted: number; untrusted: number };
}

export function guardConnections(server: Server, limits: ConnectionLimits): ConnectionGuard {
  /** In arrival order (a Set keeps insertion order): the first is the oldest. */
  const untrusted = new Set<Socket>();
  const trusted = new Set<Socket>();
  server.maxConnections = limits.maxConnections;
  server.on('connection', (socket: Socket) => {
    untrusted.add(socket);
    socket.setTimeout(limits.untrustedIdleMs, () => {
      if (untrusted.has(socket)) socket.destroy();
    });
    socket.once('close', () => {
      untrusted.delete(socket);
      trusted.delete(socket);
    });
    if (untrusted.size > limits.maxUntrusted) {
      const oldest = untrusted.values().next().value;
      if (oldest) {
        untrusted.delete(oldest);
        oldest.destroy();
      }
    }
  });
  return {
    trust(socket) {
      if (!untrusted.delete(socket)) return;
      trusted.add(socket);
      socket.setTimeout(0);
    },
    counts: () => ({ trusted: trusted.size, untrusted: untrusted.size }),
  };
}
