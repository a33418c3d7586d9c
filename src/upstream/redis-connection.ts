import { once } from 'node:events';
import { Redis } from 'ioredis';

/** 'ready': commands are answered. 'down': not connected (yet, or any more); commands miss at once. */
export type RedisState = 'ready' | 'down';

export interface RedisConnectionOptions {
  /** Longest wait for one command's reply; a slower reply counts as a failure (a miss). */
  commandTimeoutMs?: number;
  /** Longest wait for a TCP (or TLS) connection to be established. */
  connectTimeoutMs?: number;
  /**
   * A connection with a reply pending that receives no byte for this long is dropped and made
   * again: a Redis that accepts commands but stopped answering is an outage, not a slow server.
   */
  stallTimeoutMs?: number;
  /** Upper bound of the wait between reconnection attempts (the backoff doubles from 50 ms up to it). */
  maxReconnectDelayMs?: number;
  /**
   * Told once when Redis becomes ready and once when it goes down, never once per failed command
   * or reconnection attempt. `reason` (for 'down') names the Redis without its credentials.
   */
  onStateChange?(state: RedisState, reason?: string): void;
}

export const REDIS_CONNECTION_DEFAULTS = {
  commandTimeoutMs: 200,
  connectTimeoutMs: 1000,
  stallTimeoutMs: 1000,
  maxReconnectDelayMs: 1000,
} as const satisfies Required<Omit<RedisConnectionOptions, 'onStateChange'>>;

/** One ioredis client set up to fail fast, and its state as the gateway reports it. */
export interface RedisConnection {
  readonly client: Redis;
  readonly state: RedisState;
  /** The URL with its userinfo replaced by `***`: safe to log. */
  readonly safeUrl: string;
  /** True once close() was called: commands are not sent any more and failures are not reported. */
  readonly closed: boolean;
  /** `error` as an Error whose message carries neither the URL's password nor its userinfo. */
  scrub(error: unknown): Error;
  /** Sends QUIT when connected (bounded by the command timeout), then stops reconnecting. */
  close(): Promise<void>;
}

const SCHEMES = new Set(['redis:', 'rediss:']);
const EXPECTED = 'a redis:// or rediss:// URL (redis[s]://[[user]:password@]host[:port][/db])';

/**
 * `url` with everything between the scheme and the last `@` replaced by `***`. Read from the
 * text, not from a parsed URL: a password holding an unescaped `/`, `?` or `#` parses as part of
 * the path or the query, and would otherwise be quoted back.
 */
export function redactRedisUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[\s\S]*@/i, '$1***@');
}

/** Checks `url` the way the gateway needs it; throws what was expected and what was received. */
export function parseRedisUrl(url: string): URL {
  const received = () => `received "${redactRedisUrl(url)}"`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`The Redis URL must be ${EXPECTED}; ${received()}, which is not a URL`);
  }
  // Without "//" what parses as the scheme may be a user name ("alice:s3cret@host"): not quoted.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new Error(`The Redis URL must be ${EXPECTED}; ${received()}, which does not begin with a scheme and "//"`);
  }
  if (!SCHEMES.has(parsed.protocol)) {
    throw new Error(`The Redis URL must be ${EXPECTED}; ${received()}, whose scheme is "${parsed.protocol}"`);
  }
  if (!parsed.hostname) throw new Error(`The Redis URL must be ${EXPECTED}; ${received()}, which has no host`);
  // ioredis reads the path as the database number and would otherwise send SELECT with it.
  // The path is not quoted: it may hold the tail of a password with an unescaped "/".
  if (parsed.pathname !== '' && parsed.pathname !== '/' && !/^\/\d+$/.test(parsed.pathname)) {
    throw new Error(`The Redis URL must be ${EXPECTED}; ${received()}, whose path is not a database number (a "/" in a password is written %2F)`);
  }
  return parsed;
}

/** Words that must never leave this module in a message: the password and the userinfo, raw and decoded. */
function secretsOf(parsed: URL): string[] {
  const secrets = new Set<string>();
  for (const raw of [parsed.password, parsed.password && `${parsed.username}:${parsed.password}`]) {
    if (!raw) continue;
    secrets.add(raw);
    try {
      secrets.add(decodeURIComponent(raw));
    } catch {
      // A malformed escape decodes to nothing more than the raw text already listed.
    }
  }
  // Longest first, so that "user:pass" goes whole before "pass" is looked for.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** The message of anything thrown; duck-typed, since errors made in another realm (Node's own, under Jest) fail `instanceof Error`. */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

function positive(name: keyof typeof REDIS_CONNECTION_DEFAULTS, value: number | undefined): number {
  const chosen = value ?? REDIS_CONNECTION_DEFAULTS[name];
  if (!Number.isFinite(chosen) || chosen <= 0) throw new RangeError(`${name} must be a positive number of milliseconds; received ${value}`);
  return chosen;
}

/**
 * Connects to the Redis at `url` (throws at once if the URL is not one), and keeps reconnecting
 * for as long as the connection is open. Nothing waits for Redis: commands sent while it is down
 * fail at once instead of queueing, and a command sent while it is up fails after the command
 * timeout at the latest.
 */
export function connectRedis(url: string, options: RedisConnectionOptions = {}): RedisConnection {
  const parsed = parseRedisUrl(url);
  const commandTimeout = positive('commandTimeoutMs', options.commandTimeoutMs);
  const connectTimeout = positive('connectTimeoutMs', options.connectTimeoutMs);
  const socketTimeout = positive('stallTimeoutMs', options.stallTimeoutMs);
  const maxDelay = positive('maxReconnectDelayMs', options.maxReconnectDelayMs);
  const safeUrl = redactRedisUrl(url);
  const secrets = secretsOf(parsed);
  const scrubText = (text: string): string => secrets.reduce((out, secret) => out.split(secret).join('***'), text);

  // ioredis reads credentials, TLS (rediss://) and the database from the URL itself.
  const client = new Redis(url, {
    commandTimeout,
    connectTimeout,
    socketTimeout,
    // Never give up: back off from 50 ms, doubling, to at most maxDelay between attempts.
    retryStrategy: (attempt) => Math.min(maxDelay, 50 * 2 ** Math.min(attempt - 1, 16)),
    // A cache that waits for Redis is slower than no cache: while down, every command misses at once.
    enableOfflineQueue: false,
    // A command cut off by a lost connection fails; resending it later would answer nobody in time.
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // How long close() lets a socket that will not end politely linger before destroying it.
    disconnectTimeout: commandTimeout,
  });

  let closing: Promise<void> | undefined;
  let reported: RedisState | undefined;
  const report = (state: RedisState, reason?: string): void => {
    if (closing || reported === state) return;
    reported = state;
    try {
      options.onStateChange?.(state, reason);
    } catch {
      // A failing listener must not break the client's event handling.
    }
  };
  client.on('ready', () => report('ready'));
  // Listening to 'error' is also what keeps ioredis from printing every failed attempt itself.
  client.on('error', (error: unknown) => report('down', `${safeUrl}: ${scrubText(messageOf(error))}`));
  client.on('close', () => report('down', `${safeUrl}: the connection closed`));

  return {
    client,
    safeUrl,
    get state(): RedisState {
      return client.status === 'ready' ? 'ready' : 'down';
    },
    get closed(): boolean {
      return closing !== undefined;
    },
    scrub(error: unknown): Error {
      const message = messageOf(error);
      const clean = scrubText(message);
      if (error instanceof Error && clean === message) return error;
      const scrubbed = new Error(clean);
      const name = (error as { name?: unknown } | null)?.name;
      if (typeof name === 'string') scrubbed.name = name;
      return scrubbed;
    },
    close(): Promise<void> {
      closing ??= (async () => {
        // QUIT lets Redis finish what it was sent; its OK ends the connection from both sides.
        if (client.status === 'ready' && (await client.quit().then(() => true, () => false))) {
          const ended = AbortSignal.timeout(commandTimeout);
          await once(client, 'end', { signal: ended }).catch(() => undefined);
        }
        if (client.status !== 'end') client.disconnect();
      })();
      return closing;
    },
  };
}

/**
 * Runs one command on `connection`; any failure (Redis down, slow, refusing) resolves `fallback`
 * instead, and is handed to `onError` with its credentials scrubbed, unless the connection was
 * closed on purpose.
 */
export async function orFallback<T>(
  connection: RedisConnection,
  command: (client: Redis) => Promise<T>,
  fallback: T,
  onError: ((error: Error) => void) | undefined,
): Promise<T> {
  if (connection.closed) return fallback;
  try {
    return await command(connection.client);
  } catch (error) {
    if (!connection.closed) {
      try {
        onError?.(connection.scrub(error));
      } catch {
        // A failing listener must not turn a miss into an error.
      }
    }
    return fallback;
  }
}
