import { createHash } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { Redis } from 'ioredis';
import { createRedisApqCache, type RedisApqCache } from '../../src/upstream/redis-apq-cache';
import { createRedisCache } from '../../src/upstream/redis-cache';
import { connectRedis, type RedisConnection } from '../../src/upstream/redis-connection';
import { freePort, startRedisServer, type RedisServer } from '../helpers/redis-server';

async function until(check: () => boolean, withinMs: number, what: string): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let redis: RedisServer;
let connection: RedisConnection;
let cache: RedisApqCache;
let raw: Redis;

beforeAll(async () => {
  redis = await startRedisServer();
  connection = connectRedis(redis.url);
  cache = createRedisApqCache(connection);
  raw = new Redis(redis.url);
  await until(() => connection.state === 'ready', 5000, 'ready');
});

afterAll(async () => {
  await connection.close();
  await raw.quit();
  await redis.kill();
});

describe('createRedisApqCache', () => {
  test('set, get and delete round-trip a query under isgw:apq:v1:<key>', async () => {
    const query = '{ imageStreams(namespace: "démo") { name } }';
    await cache.set('apq:abc', query);
    expect(await cache.get('apq:abc')).toBe(query);
    expect(await raw.get('isgw:apq:v1:apq:abc')).toBe(query);
    expect(await cache.delete('apq:abc')).toBe(true);
    expect(await cache.get('apq:abc')).toBeUndefined();
    expect(await cache.delete('apq:abc')).toBe(false);
  });

  test('the TTL is given in seconds and set in Redis in milliseconds', async () => {
    await cache.set('ttl-300', '{ a }', { ttl: 300 });
    const pttl = await raw.pttl('isgw:apq:v1:ttl-300');
    expect(pttl).toBeLessThanOrEqual(300_000);
    expect(pttl).toBeGreaterThan(299_000);
  });

  test('no TTL (or null, or 0) keeps the query until Redis evicts it: PTTL -1', async () => {
    await cache.set('ttl-none', '{ a }');
    await cache.set('ttl-null', '{ a }', { ttl: null });
    await cache.set('ttl-zero', '{ a }', { ttl: 0 });
    expect(await Promise.all(['ttl-none', 'ttl-null', 'ttl-zero'].map((k) => raw.pttl(`isgw:apq:v1:${k}`)))).toEqual([-1, -1, -1]);
  });

  test('a query is gone once its TTL has passed', async () => {
    await cache.set('short', '{ a }', { ttl: 0.05 });
    expect(await cache.get('short')).toBe('{ a }');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await cache.get('short')).toBeUndefined();
  });

  test('it shares one connection with the answer cache, and closing either store leaves that connection open', async () => {
    const answers = createRedisCache(connection);
    await answers.set('shared', { statusCode: 200, body: 'a' }, 60_000);
    await cache.set('shared', 'q');
    expect(await raw.mget('isgw:v1:shared', 'isgw:apq:v1:shared')).toEqual(['200\na', 'q']);
    await answers.close();
    const borrowed = createRedisApqCache(connection);
    await borrowed.close();
    expect(connection.state).toBe('ready');
    expect(await cache.get('shared')).toBe('q');
  });

  test('a persisted query registered through one Apollo Server is found by another over the same Redis', async () => {
    const typeDefs = 'type Query { hello: String }';
    const resolvers = { Query: { hello: () => 'world' } };
    const query = '{ hello }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persistedQuery = { version: 1, sha256Hash };
    const first = new ApolloServer({ typeDefs, resolvers, cache });
    const secondCache = createRedisApqCache(redis.url);
    const second = new ApolloServer({ typeDefs, resolvers, cache: secondCache });
    try {
      await until(() => secondCache.state === 'ready', 5000, 'ready');
      const unknown = await second.executeOperation({ extensions: { persistedQuery } });
      expect(unknown.body.kind === 'single' && unknown.body.singleResult.errors?.map((e) => e.message)).toEqual(['PersistedQueryNotFound']);

      const registered = await first.executeOperation({ query, extensions: { persistedQuery } });
      expect(registered.body.kind === 'single' && registered.body.singleResult.data).toEqual({ hello: 'world' });

      const byHash = await second.executeOperation({ extensions: { persistedQuery } });
      expect(byHash.body.kind === 'single' && byHash.body.singleResult.data).toEqual({ hello: 'world' });
      expect(await raw.get(`isgw:apq:v1:apq:${sha256Hash}`)).toBe(query);
    } finally {
      await Promise.all([first.stop(), second.stop(), secondCache.close()]);
    }
  });
});

describe('createRedisApqCache when Redis is down', () => {
  test('get misses, set resolves and delete answers false, each at once, and each failure reaches onError', async () => {
    const port = await freePort();
    const errors: string[] = [];
    const states: string[] = [];
    const down = createRedisApqCache(`redis://127.0.0.1:${port}`, {
      onError: (operation) => void errors.push(operation),
      onStateChange: (state) => void states.push(state),
      commandTimeoutMs: 1000,
    });
    try {
      await until(() => states.length > 0, 5000, 'a state change');
      const start = performance.now();
      expect(await down.get('apq:x')).toBeUndefined();
      await down.set('apq:x', '{ a }', { ttl: 300 });
      expect(await down.delete('apq:x')).toBe(false);
      expect(performance.now() - start).toBeLessThan(100);
      expect(errors).toEqual(['get', 'set', 'delete']);
      expect(states).toEqual(['down']);
    } finally {
      await down.close();
    }
  });
});
