/**
 * The web host's per-launch token, held by this tab only: taken from the address on the first load, kept in
 * sessionStorage (this origin and tab; a reload keeps it) and removed from the address bar and history.
 * It is sent explicitly with each request, never as a cookie that other local ports would receive.
 */
const STORAGE_KEY = 'backprop.token';

let token: string | null = null;

/** Read the token once: from `?token=` (then drop it from the address with history.replaceState) or from sessionStorage. */
export function webToken(): string | null {
  if (token !== null) return token;
  const url = new URL(window.location.href);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress) {
    sessionStorage.setItem(STORAGE_KEY, fromAddress);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  token = fromAddress ?? sessionStorage.getItem(STORAGE_KEY);
  return token;
}

/** The WebSocket subprotocols that carry the token (the server selects the first and never echoes the second). */
export const webSocketProtocols = (): string[] => ['backprop.v1', `backprop.token.${webToken() ?? ''}`];

/** The header that carries the token on HTTP requests (uploads). */
export const authorizationHeader = (): Record<string, string> => ({ Authorization: `Bearer ${webToken() ?? ''}` });
