import type { Config } from './config';
import { SETTINGS, SETTING_KEYS } from './settings';

/**
 * The OpenTelemetry variables of a configuration, by their standard names, as the tracing setup
 * reads them: a flag (`--otel-exporter-otlp-endpoint`) counts as its variable.
 */
export function tracingEnvOf(config: Config): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const key of SETTING_KEYS) {
    const { variable } = SETTINGS[key];
    if (variable.startsWith('OTEL_')) env[variable] = config[key] as string | undefined;
  }
  return env;
}
