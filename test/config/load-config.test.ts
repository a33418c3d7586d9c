import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_VARIABLES, ConfigError, loadConfig, localUrl, readOpenFileLimit, type Config } from '../../src/config';

function message(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected loadConfig to throw');
}

it('gives every variable its default in an empty environment', () => {
  expect(loadConfig({})).toEqual<Config>({
    port: 4000,
    host: '0.0.0.0',
    kubeconfig: undefined,
    upstreamTimeoutMs: 10000,
    upstreamConcurrency: 32,
    listThreshold: 10,
    lendCredentials: undefined,
    demo: 'auto',
    tlsCertFile: undefined,
    tlsKeyFile: undefined,
    logLevel: 'info',
    nodeEnv: 'development',
    maxQueryDepth: 12,
    maxAliases: 30,
    maxRootFields: 20,
    maxTokens: 2000,
    maxBodyBytes: 1048576,
    maxUpstreamCalls: 500,
    batchMaxOperations: 0,
    introspection: true,
    explorer: 'auto',
    corsOrigins: [],
    upstreamRetries: 2,
    requestDeadlineMs: 30000,
    shutdownGraceMs: 10000,
    httpRequestTimeoutMs: 30000,
    httpHeadersTimeoutMs: 10000,
    httpKeepAliveTimeoutMs: 5000,
    maxConnections: 1000,
    maxSelections: 10000,
    upstreamMaxInFlight: 64,
    maxUpstreamBodyBytes: 33554432,
    maxRequestUpstreamBytes: 67108864,
    maxUpstreamBytesInUse: 268435456,
    tokenReview: false,
    heavyRequestCalls: 64,
    maxHeavyRequests: 2,
    cacheTtlSeconds: 5,
    cacheImageTtlSeconds: 60,
    cacheMaxBytes: 67108864,
    maxSubscriptions: 1000,
    maxSubscriptionsPerCaller: 20,
    maxPendingEvents: 100,
    subscriptionPingMs: 15000,
    demoChurnSeconds: 5,
  });
});

it('treats empty strings as unset', () => {
  const env = Object.fromEntries(CONFIG_VARIABLES.map((v) => [v.name, '']));
  expect(loadConfig(env)).toEqual(loadConfig({}));
});

it('reads every variable that is set', () => {
  expect(
    loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      KUBECONFIG: '/a/config:/b/config',
      UPSTREAM_TIMEOUT_MS: '250',
      UPSTREAM_CONCURRENCY: '4',
      LIST_THRESHOLD: '3',
      GATEWAY_LEND_CREDENTIALS: 'TRUE',
      DEMO: 'False',
      TLS_CERT_FILE: '/tls/cert.pem',
      TLS_KEY_FILE: '/tls/key.pem',
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      MAX_QUERY_DEPTH: '5',
      MAX_ALIASES: '0',
      MAX_ROOT_FIELDS: '3',
      MAX_TOKENS: '100',
      MAX_BODY_BYTES: '2048',
      MAX_UPSTREAM_CALLS: '50',
      BATCH_MAX_OPERATIONS: '4',
      INTROSPECTION: 'true',
      EXPLORER: 'off',
      CORS_ORIGINS: 'https://console.example.com, http://localhost:3000',
      UPSTREAM_RETRIES: '0',
      REQUEST_DEADLINE_MS: '1500',
      SHUTDOWN_GRACE_MS: '0',
      HTTP_REQUEST_TIMEOUT_MS: '4000',
      HTTP_HEADERS_TIMEOUT_MS: '2000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '100',
      MAX_CONNECTIONS: '50',
      MAX_SELECTIONS: '300',
      UPSTREAM_MAX_IN_FLIGHT: '8',
      MAX_UPSTREAM_BODY_BYTES: '4096',
      MAX_REQUEST_UPSTREAM_BYTES: '8192',
      MAX_UPSTREAM_BYTES_IN_USE: '16384',
      TOKEN_REVIEW: 'true',
      HEAVY_REQUEST_CALLS: '10',
      MAX_HEAVY_REQUESTS: '1',
      CACHE_TTL_SECONDS: '0',
      CACHE_IMAGE_TTL_SECONDS: '600',
      CACHE_MAX_BYTES: '2097152',
      REDIS_URL: 'rediss://gateway:s3cret@redis.example:6380/2',
      CACHE_KEY_SECRET: 'k'.repeat(32),
      MAX_SUBSCRIPTIONS: '50',
      MAX_SUBSCRIPTIONS_PER_CALLER: '5',
      MAX_PENDING_EVENTS: '10',
      SUBSCRIPTION_PING_MS: '2000',
      DEMO_CHURN_SECONDS: '0',
    }),
  ).toEqual<Config>({
    port: 8080,
    host: '127.0.0.1',
    kubeconfig: '/a/config:/b/config',
    upstreamTimeoutMs: 250,
    upstreamConcurrency: 4,
    listThreshold: 3,
    lendCredentials: true,
    demo: 'false',
    tlsCertFile: '/tls/cert.pem',
    tlsKeyFile: '/tls/key.pem',
    logLevel: 'debug',
    nodeEnv: 'production',
    maxQueryDepth: 5,
    maxAliases: 0,
    maxRootFields: 3,
    maxTokens: 100,
    maxBodyBytes: 2048,
    maxUpstreamCalls: 50,
    batchMaxOperations: 4,
    introspection: true,
    explorer: 'off',
    corsOrigins: ['https://console.example.com', 'http://localhost:3000'],
    upstreamRetries: 0,
    requestDeadlineMs: 1500,
    shutdownGraceMs: 0,
    httpRequestTimeoutMs: 4000,
    httpHeadersTimeoutMs: 2000,
    httpKeepAliveTimeoutMs: 100,
    maxConnections: 50,
    maxSelections: 300,
    upstreamMaxInFlight: 8,
    maxUpstreamBodyBytes: 4096,
    maxRequestUpstreamBytes: 8192,
    maxUpstreamBytesInUse: 16384,
    tokenReview: true,
    heavyRequestCalls: 10,
    maxHeavyRequests: 1,
    cacheTtlSeconds: 0,
    cacheImageTtlSeconds: 600,
    cacheMaxBytes: 2097152,
    redisUrl: 'rediss://gateway:s3cret@redis.example:6380/2',
    cacheKeySecret: 'k'.repeat(32),
    maxSubscriptions: 50,
    maxSubscriptionsPerCaller: 5,
    maxPendingEvents: 10,
    subscriptionPingMs: 2000,
    demoChurnSeconds: 0,
  });
});

it('sizes MAX_CONNECTIONS from the open-file limit, keeping 256 descriptors for the rest', () => {
  expect(loadConfig({}, { openFileLimit: 1024 }).maxConnections).toBe(768);
  expect(loadConfig({}, { openFileLimit: 256 }).maxConnections).toBe(64);
  expect(loadConfig({}, { openFileLimit: 1_048_576 }).maxConnections).toBe(16384);
  expect(loadConfig({ MAX_CONNECTIONS: '10' }, { openFileLimit: 1024 }).maxConnections).toBe(10);
});

it('reads the soft open-file limit from a /proc limits file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'limits-'));
  const file = join(dir, 'limits');
  writeFileSync(file, 'Limit                     Soft Limit           Hard Limit           Units\nMax open files            4096                 524288               files\n');
  expect(readOpenFileLimit(file)).toBe(4096);
  expect(readOpenFileLimit(join(dir, 'missing'))).toBeUndefined();
});

it('keeps the HTTP and byte limits in order, naming both settings', () => {
  expect(message({ HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_HEADERS_TIMEOUT_MS: '3000' })).toBe(
    'HTTP_HEADERS_TIMEOUT_MS must be at most HTTP_REQUEST_TIMEOUT_MS (2000), got 3000',
  );
  expect(loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '2000' }).httpHeadersTimeoutMs).toBe(2000);
  expect(message({ MAX_UPSTREAM_BODY_BYTES: '4096', MAX_REQUEST_UPSTREAM_BYTES: '2048' })).toBe(
    'MAX_REQUEST_UPSTREAM_BYTES must be at least MAX_UPSTREAM_BODY_BYTES (4096), got 2048',
  );
  expect(message({ MAX_UPSTREAM_BODY_BYTES: '4096', MAX_REQUEST_UPSTREAM_BYTES: '4096', MAX_UPSTREAM_BYTES_IN_USE: '2048' })).toBe(
    'MAX_UPSTREAM_BYTES_IN_USE must be at least MAX_REQUEST_UPSTREAM_BYTES (4096), got 2048',
  );
  expect(message({ HTTP_REQUEST_TIMEOUT_MS: '10' })).toBe('HTTP_REQUEST_TIMEOUT_MS must be an integer 1000-600000, got "10"');
});

it('refuses an origin that is not scheme://host[:port]', () => {
  expect(message({ CORS_ORIGINS: 'https://ok.example.com,console.example.com' })).toBe(
    'CORS_ORIGINS must be a comma-separated list of origins such as https://console.example.com, got "console.example.com"',
  );
  expect(message({ CORS_ORIGINS: 'https://ok.example.com/path' })).toContain('got "https://ok.example.com/path"');
});

it('turns introspection and the landing page off by default in production, and on when asked', () => {
  expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, explorer: 'off' });
  expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' })).toMatchObject({ introspection: true, explorer: 'off' });
  expect(loadConfig({ NODE_ENV: 'production', EXPLORER: 'graphiql' })).toMatchObject({ introspection: false, explorer: 'graphiql' });
  expect(loadConfig({ NODE_ENV: 'development', EXPLORER: 'Sandbox' })).toMatchObject({ introspection: true, explorer: 'sandbox' });
});

it('refuses a limit outside its range, naming it', () => {
  expect(message({ MAX_QUERY_DEPTH: '0' })).toBe('MAX_QUERY_DEPTH must be an integer 1-100, got "0"');
  expect(message({ BATCH_MAX_OPERATIONS: 'many' })).toBe('BATCH_MAX_OPERATIONS must be an integer 0-100, got "many"');
});

it('reads exactly the variables CONFIG_VARIABLES lists', () => {
  const read = new Set<string>();
  const env = new Proxy({} as Record<string, string | undefined>, {
    get: (_target, name) => {
      if (typeof name === 'string') read.add(name);
      return undefined;
    },
  });
  loadConfig(env);
  expect([...read].sort()).toEqual(CONFIG_VARIABLES.map((v) => v.name).sort());
});

it.each([
  [{ PORT: 'abc' }, 'PORT must be an integer 1-65535, got "abc"'],
  [{ PORT: '0' }, 'PORT must be an integer 1-65535, got "0"'],
  [{ PORT: '65536' }, 'PORT must be an integer 1-65535, got "65536"'],
  [{ PORT: '80.5' }, 'PORT must be an integer 1-65535, got "80.5"'],
  [{ PORT: '-1' }, 'PORT must be an integer 1-65535, got "-1"'],
  [{ UPSTREAM_TIMEOUT_MS: '0' }, 'UPSTREAM_TIMEOUT_MS must be an integer 1-600000, got "0"'],
  [{ UPSTREAM_TIMEOUT_MS: '600001' }, 'UPSTREAM_TIMEOUT_MS must be an integer 1-600000, got "600001"'],
  [{ UPSTREAM_TIMEOUT_MS: '10s' }, 'UPSTREAM_TIMEOUT_MS must be an integer 1-600000, got "10s"'],
  [{ UPSTREAM_CONCURRENCY: '257' }, 'UPSTREAM_CONCURRENCY must be an integer 1-256, got "257"'],
  [{ UPSTREAM_CONCURRENCY: '0' }, 'UPSTREAM_CONCURRENCY must be an integer 1-256, got "0"'],
  [{ LIST_THRESHOLD: '0' }, 'LIST_THRESHOLD must be an integer >= 1, got "0"'],
  [{ LIST_THRESHOLD: 'many' }, 'LIST_THRESHOLD must be an integer >= 1, got "many"'],
  [{ GATEWAY_LEND_CREDENTIALS: 'yes' }, 'GATEWAY_LEND_CREDENTIALS must be true or false, got "yes"'],
  [{ DEMO: 'maybe' }, 'DEMO must be auto, true or false, got "maybe"'],
  [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent, got "verbose"'],
  [{ TLS_CERT_FILE: '/tls/cert.pem' }, 'TLS_CERT_FILE and TLS_KEY_FILE must be set together, got TLS_CERT_FILE="/tls/cert.pem" and TLS_KEY_FILE unset'],
  [{ TLS_KEY_FILE: '/tls/key.pem' }, 'TLS_CERT_FILE and TLS_KEY_FILE must be set together, got TLS_KEY_FILE="/tls/key.pem" and TLS_CERT_FILE unset'],
])('refuses %j with %j', (env, expected) => {
  expect(message(env)).toBe(expected);
});

it('names the variable on the ConfigError', () => {
  expect(() => loadConfig({ UPSTREAM_CONCURRENCY: 'x' })).toThrow(expect.objectContaining({ variable: 'UPSTREAM_CONCURRENCY' }));
});

it('accepts blanks around numbers and words', () => {
  expect(loadConfig({ PORT: ' 8080 ', DEMO: ' true ', LOG_LEVEL: 'WARN' })).toMatchObject({ port: 8080, demo: 'true', logLevel: 'warn' });
});

it.each([
  ['true', true],
  ['TRUE', true],
  ['1', true],
  ['false', false],
  ['False', false],
  ['0', false],
])('reads GATEWAY_LEND_CREDENTIALS=%s as %s', (value, expected) => {
  expect(loadConfig({ GATEWAY_LEND_CREDENTIALS: value }).lendCredentials).toBe(expected);
});

it.each([
  ['auto', 'auto'],
  ['AUTO', 'auto'],
  ['true', 'true'],
  ['1', 'true'],
  ['false', 'false'],
  ['0', 'false'],
])('reads DEMO=%s as %s', (value, expected) => {
  expect(loadConfig({ DEMO: value }).demo).toBe(expected);
});

it('lists every variable with a default and a meaning', () => {
  for (const variable of CONFIG_VARIABLES) {
    expect(variable.default).not.toBe('');
    expect(variable.meaning.length).toBeGreaterThan(10);
  }
});

it('prints a wildcard listen address as localhost', () => {
  expect(localUrl({ host: '0.0.0.0', tlsCertFile: undefined }, 4000)).toBe('http://localhost:4000/graphql');
  expect(localUrl({ host: '::', tlsCertFile: '/tls/cert.pem' }, 8443)).toBe('https://localhost:8443/graphql');
  expect(localUrl({ host: '::1', tlsCertFile: undefined }, 4000, '/healthz')).toBe('http://[::1]:4000/healthz');
  expect(localUrl({ host: '127.0.0.1', tlsCertFile: undefined }, 4000)).toBe('http://127.0.0.1:4000/graphql');
});

describe('the shared cache settings', () => {
  it('refuses REDIS_URL without CACHE_KEY_SECRET, naming the missing setting', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://redis:6379' })).toThrow(
      'CACHE_KEY_SECRET must be set when REDIS_URL is: replicas sharing one Redis must name callers with the same secret',
    );
  });

  it('refuses a REDIS_URL of another scheme without quoting it (it may hold a password)', () => {
    const read = () => loadConfig({ REDIS_URL: 'http://user:hunter2@redis:6379', CACHE_KEY_SECRET: 'k'.repeat(32) });
    expect(read).toThrow('REDIS_URL must be a redis:// or rediss:// URL such as redis://redis:6379, got a http:// URL');
    expect(read).not.toThrow(/hunter2/);
  });

  it('refuses a CACHE_KEY_SECRET shorter than 32 characters, saying its length', () => {
    expect(() => loadConfig({ CACHE_KEY_SECRET: 'short' })).toThrow('CACHE_KEY_SECRET must be at least 32 characters, got 5');
  });
});

it('refuses more subscriptions per caller than for the whole process', () => {
  expect(message({ MAX_SUBSCRIPTIONS: '10', MAX_SUBSCRIPTIONS_PER_CALLER: '11' })).toBe('MAX_SUBSCRIPTIONS_PER_CALLER must be at most MAX_SUBSCRIPTIONS (10), got 11');
});
