// When an upstream GET is sent again, and after how long. Only GETs are made, and a GET changes
// nothing, so a retry is always safe; what limits retries is time (the caller's deadline) and
// load (a struggling API server must not receive a burst of retries from every replica at once).
import { KubeApiError, UpstreamUnavailableError } from './errors';

export interface RetryPolicy {
  /** Retries after the first attempt; 0 turns retrying off. */
  retries: number;
  /** The first backoff's upper bound; each further retry doubles it, up to MAX_BACKOFF_MS. */
  baseMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 2, baseMs: 100 };

/** Largest backoff drawn for a retry without Retry-After. */
export const MAX_BACKOFF_MS = 2_000;

/**
 * Longest Retry-After the gateway waits for. A server asking for more is not retried early
 * (that would be the load it asked to be spared): its answer goes back to the caller at once,
 * whose own client can wait as long as it likes.
 */
export const MAX_RETRY_AFTER_MS = 5_000;

/** HTTP answers that say "not now": too many requests, or the server is shutting down or overloaded. */
const RETRYABLE_STATUS = new Set([429, 503]);

/**
 * Errors of a connection that failed before an answer came: refused, reset, closed, or never set
 * up. The call's own deadline (`timeout`) is deliberately absent: a server that did not answer
 * within UPSTREAM_TIMEOUT_MS is overloaded or stuck, a retry would add load just when it hurts and
 * wait another full timeout, most often past the request's deadline. ENOTFOUND and TLS errors are
 * absent too: they do not heal in milliseconds.
 */
const RETRYABLE_CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * "Full jitter" exponential backoff: a uniform draw from [0, min(MAX_BACKOFF_MS, baseMs * 2^(retry-1))).
 * Drawing from the whole range (rather than adding a little jitter to a fixed delay) spreads the
 * retries of many callers who failed at the same moment, so they do not return together.
 */
export function backoffMs(retry: number, baseMs: number, random: () => number = Math.random): number {
  if (!Number.isInteger(retry) || retry < 1) throw new RangeError(`retry must be an integer >= 1, got ${retry}`);
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * How long to wait before retry number `retry` (1 = the first retry) after `failure`, or
 * `undefined` when the failure is not retried: it is final (other HTTP answers, a malformed
 * answer, a timed-out or cancelled call), the retries are used up, or the server asked for a wait
 * longer than MAX_RETRY_AFTER_MS.
 *
 * A 429 or 503 with Retry-After waits that many seconds, plus up to `baseMs` of jitter so that
 * callers told "1 second" at the same time do not all come back in the same millisecond.
 */
export function retryDelayMs(failure: unknown, retry: number, policy: RetryPolicy, random: () => number = Math.random): number | undefined {
  if (retry > policy.retries) return undefined;
  if (failure instanceof KubeApiError) {
    if (!RETRYABLE_STATUS.has(failure.httpStatus)) return undefined;
    if (failure.retryAfterSeconds === undefined) return backoffMs(retry, policy.baseMs, random);
    const asked = failure.retryAfterSeconds * 1000;
    if (asked > MAX_RETRY_AFTER_MS) return undefined;
    return asked + Math.floor(random() * policy.baseMs);
  }
  if (failure instanceof UpstreamUnavailableError && failure.reason === 'unreachable' && isConnectionError(failure.cause)) {
    return backoffMs(retry, policy.baseMs, random);
  }
  return undefined;
}

/**
 * Whether `error` (or an error it wraps) is one of the connection failures retried. Duck-typed
 * rather than `instanceof Error`: errors made by Node's internals may come from another realm.
 */
function isConnectionError(error: unknown): boolean {
  let current = error;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const { code, errors, cause } = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === 'string' && RETRYABLE_CONNECTION_CODES.has(code)) return true;
    // Node reports failed connections to a name with several addresses as an AggregateError.
    if (Array.isArray(errors) && errors.some(isConnectionError)) return true;
    current = cause;
  }
  return false;
}
