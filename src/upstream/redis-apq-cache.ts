import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { connectRedis, orFallback, type RedisConnection, type RedisConnectionOptions, type RedisState } from './redis-connection';

export interface RedisApqCacheOptions {
  /** Put before every key Apollo Server gives (`apq:<sha256>`), apart from the answer cache's keys. */
  keyPrefix?: string;
  /** Told of every command that failed; Apollo Server already got its miss (or its `false`). */
  onError?(operation: 'get' | 'set' | 'delete', error: Error): void;
}

export const REDIS_APQ_KEY_PREFIX = 'isgw:apq:v1:';

export interface RedisApqCache extends KeyValueCache<string> {
  readonly state: RedisState;
  close(): Promise<void>;
}

/**
 * Apollo Server's cache on Redis, for automatic persisted queries: a query registered through one
 * replica is found by every other. A failure is a miss (Apollo Server then asks the client for the
 * full query), never an error. Values are the query text as it is. Ownership of the connection
 * as in createRedisCache: a URL is connected and owned, a RedisConnection is only borrowed.
 */
export function createRedisApqCache(target: string | RedisConnection, options: RedisApqCacheOptions & RedisConnectionOptions = {}): RedisApqCache {
  const owned = typeof target === 'string';
  const connection = owned ? connectRedis(target, options) : target;
  const prefix = options.keyPrefix ?? REDIS_APQ_KEY_PREFIX;
  const failed = (operation: 'get' | 'set' | 'delete') => options.onError && ((error: Error) => options.onError?.(operation, error));

  return {
    get state(): RedisState {
      return connection.state;
    },
    async get(key: string): Promise<string | undefined> {
      return (await orFallback(connection, (client) => client.get(prefix + key), null, failed('get'))) ?? undefined;
    },
    /** `ttl` is in seconds, as Apollo Server gives it; none (or 0, or null) keeps the value until Redis evicts it. */
    async set(key: string, value: string, setOptions?: KeyValueCacheSetOptions): Promise<void> {
      const ttl = setOptions?.ttl;
      // Redis counts PX in whole milliseconds; round up so a sub-millisecond TTL still keeps something.
      const write = ttl && ttl > 0
        ? (client: RedisConnection['client']) => client.set(prefix + key, value, 'PX', Math.ceil(ttl * 1000))
        : (client: RedisConnection['client']) => client.set(prefix + key, value);
      await orFallback(connection, write, null, failed('set'));
    },
    async delete(key: string): Promise<boolean> {
      return (await orFallback(connection, (client) => client.del(prefix + key), 0, failed('delete'))) > 0;
    },
    async close(): Promise<void> {
      if (owned) await connection.close();
    },
  };
}
