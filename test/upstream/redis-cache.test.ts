import { Redis } from 'ioredis';
import { createRedisCache, type RedisCache } from '../../src/upstream/redis-cache';
import type { RedisState } from '../../src/upstream/redis-connection';
import { freePort, startRedisServer, type RedisServer } from '../helpers/redis-server';

/** Polls `check` every 20 ms until it is true; fails after `withinMs`. */
async function until(check: () => boolean, withinMs: number, what: string): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Records every onStateChange and onError call of a store. */
function recorder() {
  const states: Array<[RedisState, string | undefined]> = [];
  const errors: Array<['get' | 'set', string]> = [];
  return {
    states,
    errors,
    onStateChange: (state: RedisState, reason?: string) => void states.push([state, reason]),
    onError: (operation: 'get' | 'set', error: Error) => void errors.push([operation, error.message]),
  };
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

const stores: RedisCache[] = [];
const servers: RedisServer[] = [];
const raws: Redis[] = [];

function store(...args: Parameters<typeof createRedisCache>): RedisCache {
  const made = createRedisCache(...args);
  stores.push(made);
  return made;
}

async function server(extraArgs?: string[]): Promise<RedisServer> {
  const started = await startRedisServer(extraArgs);
  servers.push(started);
  return started;
}

function raw(url: string): Redis {
  const client = new Redis(url, { lazyConnect: false });
  raws.push(client);
  return client;
}

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await Promise.all(raws.map((r) => r.quit().catch(() => undefined)));
  await Promise.all(servers.map((s) => s.kill()));
});

describe('createRedisCache against a running Redis', () => {
  let redis: RedisServer;
  let cache: RedisCache;
  beforeAll(async () => {
    redis = await server();
    cache = store(redis.url);
    await until(() => cache.state === 'ready', 5000, 'ready');
  });

  test('a set then a get returns the same status and body, byte for byte, non-ASCII and line feeds included', async () => {
    const body = '{"kind":"ImageStreamImage","note":"Grüße, 日本語, 🐳","lines":"a\\nb"}\nsecond line\r\n';
    await cache.set('k-text', { statusCode: 200, body }, 60_000);
    const answer = await cache.get('k-text');
    expect(answer).toEqual({ statusCode: 200, body });
    expect(Buffer.from(answer!.body, 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
  });

  test('a 4 MiB body comes back whole', async () => {
    const body = JSON.stringify({ layers: 'ä'.repeat(2 * 1024 * 1024) });
    const big = createRedisCache(redis.url, { commandTimeoutMs: 5000 });
    stores.push(big);
    await until(() => big.state === 'ready', 5000, 'ready');
    await big.set('k-big', { statusCode: 200, body }, 60_000);
    const answer = await big.get('k-big');
    expect(answer?.statusCode).toBe(200);
    expect(Buffer.byteLength(answer!.body)).toBe(Buffer.byteLength(body));
    expect(answer!.body === body).toBe(true);
  });

  test('a refusal keeps its status: 403 in, 403 out', async () => {
    const body = '{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403}';
    await cache.set('k-403', { statusCode: 403, body }, 5_000);
    expect(await cache.get('k-403')).toEqual({ statusCode: 403, body });
  });

  test('a key never set is a miss: undefined', async () => {
    expect(await cache.get('never-set')).toBeUndefined();
  });

  test('the value sits under isgw:v1:<key> as "<status>\\n<body>", and nothing is written under the bare key', async () => {
    await cache.set('k-raw', { statusCode: 404, body: '{"code":404}' }, 60_000);
    const client = raw(redis.url);
    expect(await client.get('isgw:v1:k-raw')).toBe('404\n{"code":404}');
    expect(await client.exists('k-raw')).toBe(0);
  });

  test('keyPrefix replaces the default prefix', async () => {
    const other = store(redis.url, { keyPrefix: 'tenant-b:' });
    await until(() => other.state === 'ready', 5000, 'ready');
    await other.set('k', { statusCode: 200, body: 'b' }, 60_000);
    const client = raw(redis.url);
    expect(await client.get('tenant-b:k')).toBe('200\nb');
    expect(await cache.get('k')).toBeUndefined();
  });

  test('the TTL is set in Redis on write (PX): PTTL is the TTL given, less the time since', async () => {
    await cache.set('k-ttl', { statusCode: 200, body: '{}' }, 60_000);
    const pttl = await raw(redis.url).pttl('isgw:v1:k-ttl');
    expect(pttl).toBeLessThanOrEqual(60_000);
    expect(pttl).toBeGreaterThan(59_000);
  });

  test('an answer is gone once its TTL has passed', async () => {
    await cache.set('k-short', { statusCode: 200, body: '{}' }, 50);
    expect(await cache.get('k-short')).toEqual({ statusCode: 200, body: '{}' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await cache.get('k-short')).toBeUndefined();
  });

  test('a TTL of 0 keeps nothing', async () => {
    await cache.set('k-zero', { statusCode: 200, body: '{}' }, 0);
    expect(await raw(redis.url).exists('isgw:v1:k-zero')).toBe(0);
  });

  test('a value not in the store\'s format is a miss, reported to onError', async () => {
    const seen = recorder();
    const reporting = store(redis.url, { onError: seen.onError });
    await until(() => reporting.state === 'ready', 5000, 'ready');
    await raw(redis.url).set('isgw:v1:k-foreign', 'not an answer');
    expect(await reporting.get('k-foreign')).toBeUndefined();
    expect(seen.errors).toEqual([['get', 'The Redis value is not a cached answer (expected "<status>\\n<body>"); it begins "not an answer"']]);
  });

  test('a status outside 100-599 is refused through onError, and nothing is written', async () => {
    const seen = recorder();
    const reporting = store(redis.url, { onError: seen.onError });
    await until(() => reporting.state === 'ready', 5000, 'ready');
    await reporting.set('k-bad-status', { statusCode: 42, body: '{}' }, 1000);
    expect(seen.errors).toEqual([['set', 'statusCode must be an HTTP status from 100 to 599; received 42']]);
    expect(await raw(redis.url).exists('isgw:v1:k-bad-status')).toBe(0);
  });
});

describe('createRedisCache URLs', () => {
  test.each([
    ['http://alice:s3cret@cache:6379', 'received "http://***@cache:6379", whose scheme is "http:"'],
    ['alice:s3cret@cache:6379', 'received "***@cache:6379", which does not begin with a scheme and "//"'],
    ['redis:///0', 'received "redis:///0", which has no host'],
    ['redis://alice:s3cret@', 'received "redis://***@", which is not a URL'],
    ['redis://alice:s3cret@cache:port', 'received "redis://***@cache:port", which is not a URL'],
    ['redis://alice:s3cret@cache:6379/zero', 'received "redis://***@cache:6379/zero", whose path is not a database number (a "/" in a password is written %2F)'],
  ])('%s is refused with what was expected and what was received', (url, received) => {
    expect(() => createRedisCache(url)).toThrow(
      `The Redis URL must be a redis:// or rediss:// URL (redis[s]://[[user]:password@]host[:port][/db]); ${received}`,
    );
  });

  test.each(['http://alice:s3cret@cache:6379', 'redis://alice:s3cret@', 'redis://alice:s3cret@cache:port', 'redis://alice:s3/cret@cache', 'redis://alice:s3cret#@cache', 'rediss//alice:s3cret@cache', 'alice:s3cret@cache'])(
    'the refusal of %s never quotes the password',
    (url) => {
      let message = '';
      try {
        createRedisCache(url);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^The Redis URL must be/);
      expect(message).not.toContain('s3cret');
    },
  );
});

describe('createRedisCache with AUTH', () => {
  test('a password in the URL authenticates against a redis-server started with --requirepass', async () => {
    const redis = await server(['--requirepass', 'pa:ss@word']);
    const cache = store(`redis://:${encodeURIComponent('pa:ss@word')}@127.0.0.1:${redis.port}`);
    await until(() => cache.state === 'ready', 5000, 'ready');
    await cache.set('k', { statusCode: 200, body: 'secret stream' }, 60_000);
    expect(await cache.get('k')).toEqual({ statusCode: 200, body: 'secret stream' });
  });

  test('a user and password in the URL authenticate as that ACL user', async () => {
    const redis = await server(['--user', 'gateway', 'on', '>wonderland', '~isgw:*', '+@all']);
    const cache = store(`redis://gateway:wonderland@127.0.0.1:${redis.port}`);
    await until(() => cache.state === 'ready', 5000, 'ready');
    await cache.set('k', { statusCode: 200, body: 'x' }, 60_000);
    expect(await cache.get('k')).toEqual({ statusCode: 200, body: 'x' });
  });

  test('a wrong password leaves the store down, says so once, and quotes neither password', async () => {
    const redis = await server(['--requirepass', 'right-one']);
    const seen = recorder();
    const cache = store(`redis://:wrong-one@127.0.0.1:${redis.port}`, { ...seen, maxReconnectDelayMs: 100 });
    await until(() => seen.states.length > 0, 5000, 'a state change');
    expect(await cache.get('k')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cache.state).toBe('down');
    expect(seen.states.map(([state]) => state)).toEqual(['down']);
    const reason = seen.states[0]![1]!;
    expect(reason).toMatch(new RegExp(`^redis://\\*\\*\\*@127\\.0\\.0\\.1:${redis.port}: `));
    expect(reason).not.toContain('wrong-one');
    expect(reason).not.toContain('right-one');
  });

  test('a password that happens to appear in an error message is masked in the reason', async () => {
    const port = await freePort();
    const seen = recorder();
    store(`redis://:ECONNREFUSED@127.0.0.1:${port}`, seen);
    await until(() => seen.states.length > 0, 5000, 'a state change');
    expect(seen.states).toEqual([['down', `redis://***@127.0.0.1:${port}: connect *** 127.0.0.1:${port}`]]);
  });
});

describe('createRedisCache when Redis fails', () => {
  test('with no Redis listening, a get misses and a set resolves at once, and down is reported once', async () => {
    const port = await freePort();
    const seen = recorder();
    // A command timeout of 1 s: answers well under it show that nothing waited for Redis.
    const cache = store(`redis://127.0.0.1:${port}`, { ...seen, maxReconnectDelayMs: 50, commandTimeoutMs: 1000 });
    await until(() => seen.states.length > 0, 5000, 'a state change');
    const [answer, getMs] = await timed(() => cache.get('k'));
    const [, setMs] = await timed(() => cache.set('k', { statusCode: 200, body: '{}' }, 1000));
    expect(answer).toBeUndefined();
    expect(getMs).toBeLessThan(100);
    expect(setMs).toBeLessThan(100);
    // Reconnection attempts go on every 50 ms; the outage is still one report.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(seen.states).toEqual([['down', `redis://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`]]);
    expect(seen.errors.map(([operation]) => operation)).toEqual(['get', 'set']);
  });

  test('Redis killed mid-run: gets miss within the command timeout, down is reported once; restarted: ready once, and it works again', async () => {
    const redis = await server();
    const seen = recorder();
    const cache = store(redis.url, { ...seen, commandTimeoutMs: 150, maxReconnectDelayMs: 200 });
    await until(() => cache.state === 'ready', 5000, 'ready');
    await cache.set('before', { statusCode: 200, body: 'kept' }, 60_000);
    expect(seen.states).toEqual([['ready', undefined]]);

    await redis.kill();
    let slowest = 0;
    for (let i = 0; i < 50; i++) {
      const [answer, ms] = await timed(() => cache.get('before'));
      expect(answer).toBeUndefined();
      slowest = Math.max(slowest, ms);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(slowest).toBeLessThan(1000);
    expect(cache.state).toBe('down');
    expect(seen.states).toEqual([
      ['ready', undefined],
      ['down', `redis://127.0.0.1:${redis.port}: the connection closed`],
    ]);
    expect(seen.errors).toHaveLength(50);

    await redis.restart();
    await until(() => cache.state === 'ready', 5000, 'reconnection');
    await cache.set('after', { statusCode: 200, body: 'again' }, 60_000);
    expect(await cache.get('after')).toEqual({ statusCode: 200, body: 'again' });
    // The restarted Redis kept nothing (no persistence): the earlier answer is a miss, not an error.
    expect(await cache.get('before')).toBeUndefined();
    expect(seen.states.map(([state]) => state)).toEqual(['ready', 'down', 'ready']);
  });

  test('Redis that stops answering (SIGSTOP): a get misses within the command timeout; the stalled connection is dropped and down reported once; resumed: ready', async () => {
    const redis = await server();
    const seen = recorder();
    const cache = store(redis.url, { ...seen, commandTimeoutMs: 100, stallTimeoutMs: 300, maxReconnectDelayMs: 100 });
    await until(() => cache.state === 'ready', 5000, 'ready');

    redis.pause();
    try {
      const [answer, ms] = await timed(() => cache.get('k'));
      expect(answer).toBeUndefined();
      expect(ms).toBeGreaterThanOrEqual(90);
      expect(ms).toBeLessThan(500);
      expect(seen.errors).toEqual([['get', 'Command timed out']]);
      await until(() => cache.state === 'down', 3000, 'down');
      for (let i = 0; i < 20; i++) expect(await cache.get('k')).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(seen.states.map(([state]) => state)).toEqual(['ready', 'down']);
    } finally {
      redis.resume();
    }
    await until(() => cache.state === 'ready', 5000, 'reconnection');
    expect(seen.states.map(([state]) => state)).toEqual(['ready', 'down', 'ready']);
  });

  test('close() while Redis is down resolves at once, and a closed store misses without reporting', async () => {
    const port = await freePort();
    const seen = recorder();
    const cache = createRedisCache(`redis://127.0.0.1:${port}`, seen);
    await until(() => seen.states.length > 0, 5000, 'a state change');
    const [, ms] = await timed(() => cache.close());
    expect(ms).toBeLessThan(100);
    expect(await cache.get('k')).toBeUndefined();
    await cache.set('k', { statusCode: 200, body: '{}' }, 1000);
    expect(seen.errors).toEqual([]);
    expect(seen.states).toHaveLength(1);
  });

  test('close() while Redis is up quits: the server sees the client leave, and no down is reported', async () => {
    const redis = await server();
    const seen = recorder();
    const cache = createRedisCache(redis.url, seen);
    await until(() => cache.state === 'ready', 5000, 'ready');
    const client = raw(redis.url);
    const clients = async () => String(await client.client('LIST')).trim().split('\n').length;
    expect(await clients()).toBe(2);
    await cache.close();
    await until(() => cache.state === 'down', 1000, 'disconnection');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await clients()).toBe(1);
    expect(seen.states).toEqual([['ready', undefined]]);
  });
});
