/**
 * One upstream answer as a cache holds it: what the API server said, as it said it. A refusal
 * (403, 404) is kept as its Status body, briefly; other failures are never kept.
 */
export interface CachedAnswer {
  /** The upstream HTTP status: 200, or the 403 / 404 of a refusal. */
  statusCode: number;
  /** The body as the API server sent it (the object's JSON, or the refusal's Status JSON). */
  body: string;
}

/**
 * The second cache tier, shared by every replica (Redis when REDIS_URL is set). Keys arrive
 * already made from a keyed hash of the caller's credentials (see ./cache-key), so the store
 * never sees a token. A store that fails does not fail the request: `get` resolves undefined (a
 * miss) and `set` resolves, and the store reports the trouble itself (a metric, one log line per
 * outage) and reconnects by itself.
 */
export interface SharedCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  /** Keeps `answer` under `key` for `ttlMs` milliseconds (the store expires it). */
  set(key: string, answer: CachedAnswer, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}
