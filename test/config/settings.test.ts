import { CONFIG_VARIABLES, ConfigError, SETTINGS, loadConfig } from '../../src/config';

const integerSettings = Object.entries(SETTINGS).filter(([, setting]) => setting.parser.expected.startsWith('an integer '));

it('has 42 settings, each with its flag, range, default and meaning', () => {
  expect(CONFIG_VARIABLES).toHaveLength(42);
  expect(CONFIG_VARIABLES.find((v) => v.name === 'PORT')).toEqual({
    name: 'PORT',
    flag: '--port',
    range: '1-65535',
    default: '4000',
    meaning: 'TCP port of the HTTP server.',
  });
  for (const variable of CONFIG_VARIABLES) {
    expect(variable.range).not.toBe('');
    expect(variable.default).not.toBe('');
    expect(variable.meaning.length).toBeGreaterThan(10);
  }
});

it('writes the bounds other settings put on a setting into its range', () => {
  const ranges = Object.fromEntries(CONFIG_VARIABLES.map((v) => [v.name, v.range]));
  expect(ranges).toMatchObject({
    HTTP_HEADERS_TIMEOUT_MS: '1000-600000, at most HTTP_REQUEST_TIMEOUT_MS',
    MAX_REQUEST_UPSTREAM_BYTES: '1024-17179869184, at least MAX_UPSTREAM_BODY_BYTES',
    MAX_UPSTREAM_BYTES_IN_USE: '1024-68719476736, at least MAX_REQUEST_UPSTREAM_BYTES',
    LIST_THRESHOLD: '>= 1',
    DEMO: 'auto, true or false',
    TOKEN_REVIEW: 'true or false',
    REDIS_URL: 'a redis:// or rediss:// URL',
    CACHE_KEY_SECRET: 'at least 32 characters',
  });
});

it('has 28 integer settings', () => {
  expect(integerSettings).toHaveLength(28);
});

// The range a parser prints is the range it enforces: both ends pass, one past either end does not.
it.each(integerSettings.map(([key, setting]) => [setting.variable, key, setting.parser.range]))('%s accepts exactly %s', (_variable, key, range) => {
  const parser = SETTINGS[key as keyof typeof SETTINGS].parser;
  const [, low, high] = /^(\d+)-(\d+)$/.exec(range) ?? /^>= (\d+)()$/.exec(range) ?? [];
  const min = Number(low);
  const max = high === '' ? Number.MAX_SAFE_INTEGER : Number(high);
  expect(parser.parse(String(min))).toBe(min);
  expect(parser.parse(String(max))).toBe(max);
  expect(() => parser.parse(String(max + 1))).toThrow();
  if (min > 0) expect(() => parser.parse(String(min - 1))).toThrow();
});

it.each(integerSettings.map(([, setting]) => [setting.variable, setting.parser.range]))('an error for %s quotes its range %s', (variable, range) => {
  expect(() => loadConfig({ [variable]: 'x' })).toThrow(new ConfigError(variable, `${variable} must be an integer ${range}, got "x"`));
});

it('writes a fixed default as its value, and says more where a number alone says little', () => {
  const defaults = Object.fromEntries(CONFIG_VARIABLES.map((v) => [v.name, v.default]));
  expect(defaults).toMatchObject({
    PORT: '4000',
    HOST: '0.0.0.0',
    DEMO: 'auto',
    TOKEN_REVIEW: 'false',
    KUBECONFIG: 'unset',
    CORS_ORIGINS: 'unset',
    MAX_UPSTREAM_BODY_BYTES: '33554432 (32 MiB)',
    GATEWAY_LEND_CREDENTIALS: 'true in demo mode, else false',
    INTROSPECTION: 'true, false when NODE_ENV=production',
    CACHE_KEY_SECRET: 'unset (random per process)',
  });
});

it('raises the byte limits that must hold a larger one with it, when they are not set', () => {
  expect(loadConfig({ MAX_UPSTREAM_BODY_BYTES: '134217728' })).toMatchObject({ maxRequestUpstreamBytes: 134217728, maxUpstreamBytesInUse: 268435456 });
  expect(loadConfig({ MAX_UPSTREAM_BODY_BYTES: '536870912' })).toMatchObject({ maxRequestUpstreamBytes: 536870912, maxUpstreamBytesInUse: 536870912 });
  expect(loadConfig({ MAX_REQUEST_UPSTREAM_BYTES: '1073741824' })).toMatchObject({ maxUpstreamBodyBytes: 33554432, maxUpstreamBytesInUse: 1073741824 });
});
