import { CONFIG_VARIABLES, ConfigError, loadConfig, wantsHelp } from '../../src/config';

function refusal(argv: string[], env: Record<string, string> = {}): { variable: string; message: string } {
  try {
    loadConfig(env, {}, argv);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return { variable: (error as ConfigError).variable, message: (error as Error).message };
  }
  throw new Error('expected loadConfig to throw');
}

it('reads --port 4000 and --port=4000 as PORT=4000', () => {
  expect(loadConfig({}, {}, ['--port', '4001']).port).toBe(4001);
  expect(loadConfig({}, {}, ['--port=4002']).port).toBe(4002);
  expect(loadConfig({}, {}, ['--port', '4001'])).toEqual(loadConfig({ PORT: '4001' }));
});

it('lets a flag win over its variable', () => {
  expect(loadConfig({ PORT: '5000', HOST: '127.0.0.1' }, {}, ['--port', '6000'])).toMatchObject({ port: 6000, host: '127.0.0.1' });
});

it('reads every setting from its flag as from its variable', () => {
  const env: Record<string, string> = {
    PORT: '8080',
    HOST: '127.0.0.1',
    KUBECONFIG: '/a/config:/b/config',
    GATEWAY_LEND_CREDENTIALS: 'true',
    DEMO: 'false',
    TLS_CERT_FILE: '/tls/cert.pem',
    TLS_KEY_FILE: '/tls/key.pem',
    LOG_LEVEL: 'debug',
    NODE_ENV: 'production',
    CORS_ORIGINS: 'https://console.example.com',
    HTTP_REQUEST_TIMEOUT_MS: '4000',
    HTTP_HEADERS_TIMEOUT_MS: '2000',
    MAX_UPSTREAM_BODY_BYTES: '4096',
    MAX_REQUEST_UPSTREAM_BYTES: '8192',
    MAX_UPSTREAM_BYTES_IN_USE: '16384',
    TOKEN_REVIEW: 'true',
    REDIS_URL: 'redis://redis:6379',
    CACHE_KEY_SECRET: 'k'.repeat(32),
  };
  const argv = CONFIG_VARIABLES.filter((v) => env[v.name] !== undefined).map((v) => `${v.flag}=${env[v.name]}`);
  expect(argv).toHaveLength(18);
  expect(loadConfig({}, {}, argv)).toEqual(loadConfig(env));
});

it('derives each flag from its variable', () => {
  const flags = Object.fromEntries(CONFIG_VARIABLES.map((v) => [v.name, v.flag]));
  expect(flags).toMatchObject({ PORT: '--port', UPSTREAM_TIMEOUT_MS: '--upstream-timeout-ms', NODE_ENV: '--node-env', KUBECONFIG: '--kubeconfig' });
  expect(new Set(Object.values(flags)).size).toBe(CONFIG_VARIABLES.length);
});

it('names the flag, not the variable, when a flag has a bad value', () => {
  expect(refusal(['--port', 'abc'], { PORT: '1' })).toEqual({ variable: 'PORT', message: '--port must be an integer 1-65535, got "abc"' });
  expect(refusal(['--log-level=loud'])).toEqual({ variable: 'LOG_LEVEL', message: '--log-level must be fatal, error, warn, info, debug, trace or silent, got "loud"' });
});

it('names flags in the rules between settings', () => {
  expect(refusal(['--http-request-timeout-ms', '2000', '--http-headers-timeout-ms', '3000']).message).toBe(
    '--http-headers-timeout-ms must be at most --http-request-timeout-ms (2000), got 3000',
  );
  expect(refusal(['--http-headers-timeout-ms', '3000'], { HTTP_REQUEST_TIMEOUT_MS: '2000' }).message).toBe(
    '--http-headers-timeout-ms must be at most HTTP_REQUEST_TIMEOUT_MS (2000), got 3000',
  );
  expect(refusal(['--tls-cert-file=/tls/cert.pem'])).toEqual({
    variable: 'TLS_KEY_FILE',
    message: 'TLS_CERT_FILE and TLS_KEY_FILE must be set together, got --tls-cert-file="/tls/cert.pem" and TLS_KEY_FILE unset',
  });
});

it('refuses an unknown flag, suggesting the nearest known one', () => {
  expect(refusal(['--prot', '4000'])).toEqual({ variable: '--prot', message: 'unknown flag --prot (did you mean --port?); --help lists every setting' });
  expect(refusal(['--PORT=4000']).message).toBe('unknown flag --PORT (did you mean --port?); --help lists every setting');
  expect(refusal(['--upstream-timout-ms', '5']).message).toBe('unknown flag --upstream-timout-ms (did you mean --upstream-timeout-ms?); --help lists every setting');
  expect(refusal(['--colour']).message).toBe('unknown flag --colour; --help lists every setting');
  expect(refusal(['-p', '4000']).message).toBe('unknown flag -p; --help lists every setting');
});

it('refuses a flag without its value, naming it and what it takes', () => {
  expect(refusal(['--port'])).toEqual({ variable: 'PORT', message: '--port needs a value (an integer 1-65535)' });
  expect(refusal(['--port', '--host', '127.0.0.1']).message).toBe('--port needs a value (an integer 1-65535), got the flag --host');
});

it('refuses an argument that is not a flag', () => {
  expect(refusal(['serve'])).toEqual({ variable: 'serve', message: 'unexpected argument "serve": settings are flags such as --port 4000 (--help lists them)' });
  expect(refusal(['--', '--port', '1']).message).toBe('unexpected argument "--port": settings are flags such as --port 4000 (--help lists them)');
});

it.each([
  [['--token-review'], true],
  [['--token-review', 'false'], false],
  [['--token-review', 'TRUE'], true],
  [['--token-review=0'], false],
  [['--token-review', '--port', '4001'], true],
])('reads the boolean flags %j as %s', (argv, expected) => {
  expect(loadConfig({ TOKEN_REVIEW: 'false' }, {}, argv).tokenReview).toBe(expected);
});

it('takes the word after a boolean flag as its value, and refuses a wrong one', () => {
  expect(refusal(['--introspection', 'maybe'])).toEqual({ variable: 'INTROSPECTION', message: '--introspection must be true or false, got "maybe"' });
});

it('reads an empty flag as unset, so it brings back the default over the variable', () => {
  expect(loadConfig({ PORT: '5000' }, {}, ['--port=']).port).toBe(4000);
});

it('keeps the last of a repeated flag', () => {
  expect(loadConfig({}, {}, ['--port', '1', '--port', '2']).port).toBe(2);
});

it.each([
  [['--help'], true],
  [['-h'], true],
  [['--port', '4000', '-h'], true],
  [['--prot', '--help'], true],
  [['--', '--help'], false],
  [['--port', '4000'], false],
  [[], false],
])('sees a request for help in %j: %s', (argv, expected) => {
  expect(wantsHelp(argv)).toBe(expected);
});
