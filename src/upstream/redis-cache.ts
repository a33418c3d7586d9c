import { connectRedis, orFallback, type RedisConnection, type RedisConnectionOptions, type RedisState } from './redis-connection';
import type { CachedAnswer, SharedCache } from './shared-cache';

export interface RedisCacheOptions {
  /**
   * Put before every key, so that everything this store writes in a shared Redis sits under one
   * name and a change of the value format (v1) can move to a fresh one.
   */
  keyPrefix?: string;
  /**
   * Told of every command that failed (Redis down, slow or refusing, a value not in this store's
   * format); the caller already got its miss. Meant for a counter: the outage itself is reported
   * once, through onStateChange.
   */
  onError?(operation: 'get' | 'set', error: Error): void;
}

export const REDIS_CACHE_KEY_PREFIX = 'isgw:v1:';

export interface RedisCache extends SharedCache {
  readonly state: RedisState;
}

/**
 * A value is the status code in decimal, a line feed, then the body as UTF-8:
 * `200\n{"kind":"ImageStreamImage",...}`. One string per answer keeps a read to one GET, and the
 * body's bytes are stored as they are, not escaped into another encoding.
 */
function encode(answer: CachedAnswer): string {
  return `${answer.statusCode}\n${answer.body}`;
}

function decode(value: string): CachedAnswer | Error {
  const newline = value.indexOf('\n');
  const status = value.slice(0, newline);
  if (newline < 0 || !/^[1-5]\d\d$/.test(status)) {
    return new Error(`The Redis value is not a cached answer (expected "<status>\\n<body>"); it begins "${value.slice(0, 16)}"`);
  }
  return { statusCode: Number(status), body: value.slice(newline + 1) };
}

/**
 * The shared cache tier on Redis. With a URL it connects and owns the connection (close() quits
 * it); with a RedisConnection (to share one with the persisted-query cache) the connection
 * options are the connection's own and close() leaves the connection to its owner.
 */
export function createRedisCache(target: string | RedisConnection, options: RedisCacheOptions & RedisConnectionOptions = {}): RedisCache {
  const owned = typeof target === 'string';
  const connection = owned ? connectRedis(target, options) : target;
  const prefix = options.keyPrefix ?? REDIS_CACHE_KEY_PREFIX;
  const tell = (operation: 'get' | 'set') => (error: Error) => {
    try {
      options.onError?.(operation, error);
    } catch {
      // A failing listener must not turn a miss into an error.
    }
  };
  const failedGet = tell('get');
  const failedSet = tell('set');

  return {
    get state(): RedisState {
      return connection.state;
    },
    async get(key: string): Promise<CachedAnswer | undefined> {
      const value = await orFallback(connection, (client) => client.get(prefix + key), null, failedGet);
      if (value === null) return undefined;
      const answer = decode(value);
      if (answer instanceof Error) {
        failedGet(answer);
        return undefined;
      }
      return answer;
    },
    async set(key: string, answer: CachedAnswer, ttlMs: number): Promise<void> {
      if (!Number.isInteger(answer.statusCode) || answer.statusCode < 100 || answer.statusCode > 599) {
        failedSet(new RangeError(`statusCode must be an HTTP status from 100 to 599; received ${answer.statusCode}`));
        return;
      }
      if (!Number.isFinite(ttlMs) || ttlMs < 0) {
        failedSet(new RangeError(`ttlMs must be a finite number of milliseconds, 0 or more; received ${ttlMs}`));
        return;
      }
      // A TTL of 0 keeps nothing. Redis counts PX in whole milliseconds: round up, so that a
      // fraction of one still keeps the answer a little rather than being refused.
      if (ttlMs === 0) return;
      await orFallback(connection, (client) => client.set(prefix + key, encode(answer), 'PX', Math.ceil(ttlMs)), null, failedSet);
    },
    async close(): Promise<void> {
      if (owned) await connection.close();
    },
  };
}
