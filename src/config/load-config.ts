import type { Config } from './config';
import { ConfigError } from './config-error';
import type { HostFacts } from './host-facts';
import { InvalidValue } from './parsers';
import { readFlags } from './read-flags';
import { SETTINGS, SETTING_KEYS, type ReadSetting, type Setting } from './settings';

// loadConfig is pure: the environment, the machine's facts and the arguments are its inputs, so
// tests and the process entry read the same rules. Each setting is parsed on its own first; the
// rules between settings (bounds, pairs, defaults that follow another setting) come after.

type Env = NodeJS.ProcessEnv | Record<string, string | undefined>;
type Key = keyof Config;

/** A value the person gave, and how they wrote its name (`PORT` or `--port`) for messages. */
interface Given {
  value: unknown;
  label: string;
}

/**
 * Reads the gateway's configuration from `env` (normally `process.env`) and `argv` (the
 * arguments after the script; a flag wins over its variable); throws ConfigError.
 */
export function loadConfig(env: Env, host: HostFacts = {}, argv: readonly string[] = []): Config {
  const flags = readFlags(argv);
  const given = new Map<Key, Given>();
  for (const key of SETTING_KEYS) {
    const setting: Setting<unknown> = SETTINGS[key];
    const fromEnv = env[setting.variable];
    const flag = flags.get(setting.variable);
    const raw = flag?.text ?? fromEnv;
    const label = flag?.flag ?? setting.variable;
    const text = setting.parser.trims ? raw?.trim() : raw;
    // The empty string is unset, so `VAR=` in a file or `--flag=` falls back to the default.
    if (text === undefined || text === '') continue;
    try {
      given.set(key, { value: setting.parser.parse(text), label });
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      throw new ConfigError(setting.variable, `${label} must be ${setting.parser.expected}, got ${error.got ?? JSON.stringify(raw)}`);
    }
  }

  const config = settle(given, host);
  const label = (key: Key) => given.get(key)?.label ?? SETTINGS[key].variable;

  for (const key of SETTING_KEYS) {
    const { atMost, atLeast, variable } = SETTINGS[key];
    const value = config[key] as number;
    if (atMost !== undefined && value > config[atMost]) {
      throw new ConfigError(variable, `${label(key)} must be at most ${label(atMost)} (${config[atMost]}), got ${value}`);
    }
    if (atLeast !== undefined && value < config[atLeast]) {
      throw new ConfigError(variable, `${label(key)} must be at least ${label(atLeast)} (${config[atLeast]}), got ${value}`);
    }
  }

  // A certificate without its key (or the reverse) would silently serve plain HTTP.
  if ((config.tlsCertFile === undefined) !== (config.tlsKeyFile === undefined)) {
    const [present, missing] = config.tlsCertFile !== undefined ? (['tlsCertFile', 'tlsKeyFile'] as const) : (['tlsKeyFile', 'tlsCertFile'] as const);
    throw new ConfigError(
      SETTINGS[missing].variable,
      `TLS_CERT_FILE and TLS_KEY_FILE must be set together, got ${label(present)}=${JSON.stringify(config[present])} and ${label(missing)} unset`,
    );
  }
  if (config.redisUrl !== undefined && config.cacheKeySecret === undefined) {
    throw new ConfigError('CACHE_KEY_SECRET', 'CACHE_KEY_SECRET must be set when REDIS_URL is: replicas sharing one Redis must name callers with the same secret');
  }
  return config;
}

/** Every setting's final value: the one given, else its default, worked out in whatever order defaults need. */
function settle(given: ReadonlyMap<Key, Given>, host: HostFacts): Config {
  const settled = new Map<Key, unknown>();
  const pending = new Set<Key>();
  const read = ((key: Key) => {
    if (given.has(key)) return given.get(key)?.value;
    if (settled.has(key)) return settled.get(key);
    if (pending.has(key)) throw new Error(`the defaults of ${[...pending].join(', ')} depend on each other`);
    pending.add(key);
    const fallback = SETTINGS[key].default;
    const value = 'derive' in fallback ? fallback.derive(read, host) : fallback.value;
    pending.delete(key);
    settled.set(key, value);
    return value;
  }) as ReadSetting;
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, read(key)])) as unknown as Config;
}
