/**
 * Whether a browser page at `origin` may open a WebSocket to this gateway: one of CORS_ORIGINS,
 * or the gateway's own origin (the page it serves, such as the Sandbox landing page). Browsers
 * do not apply CORS to WebSockets, so without this check any page a user visits could open one
 * with the credentials the gateway lends (cross-site WebSocket hijacking). Requests without an
 * Origin are not from a browser page and need a token like any other.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
