import { CONFIG_VARIABLES, loadConfig, tracingEnvOf } from '../../src/config';
import { TRACING_VARIABLES, tracingSettings } from '../../src/telemetry/tracing-settings';

// Tracing reads OpenTelemetry's own variables; they are rows of the settings table like any
// other, so --help, the README and flags know them.

test('the settings table has a row for exactly the OTEL_* variables the tracing setup reads', () => {
  const rows = CONFIG_VARIABLES.map((variable) => variable.name).filter((name) => name.startsWith('OTEL_'));
  expect(rows).toEqual([...TRACING_VARIABLES]);
});

test('a flag is its variable to the tracing setup, and wins over it', () => {
  const config = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://from-env:4318', OTEL_SERVICE_NAME: 'from-env' }, {}, [
    '--otel-exporter-otlp-endpoint',
    'http://collector.example:4318',
    '--otel-exporter-otlp-protocol=http/json',
  ]);
  const settings = tracingSettings(tracingEnvOf(config));
  expect(settings).toMatchObject({ url: 'http://collector.example:4318/v1/traces', protocol: 'http/json', serviceName: 'from-env' });
});

test('no OTLP endpoint in the configuration: tracing stays off', () => {
  expect(tracingSettings(tracingEnvOf(loadConfig({})))).toBeUndefined();
});
