import { diag, SpanKind } from '@opentelemetry/api';
import { startTracing } from '../../src/telemetry/start-tracing';
import { Tracing, type FlushingTracerProvider } from '../../src/telemetry/tracing';
import { TracerProvider } from '@opentelemetry/sdk-trace';

afterEach(() => diag.disable());

test('shutdown resolves true once the provider has exported what was left', async () => {
  expect(await new Tracing(new TracerProvider()).shutdown()).toBe(true);
});

test('shutdown gives up after its bound and resolves false when the export never ends', async () => {
  const provider = new TracerProvider();
  const stuck: FlushingTracerProvider = { getTracer: (name, version) => provider.getTracer(name, version), forceFlush: async () => undefined, shutdown: () => new Promise<void>(() => undefined) };
  const started = performance.now();
  expect(await new Tracing(stuck).shutdown(100)).toBe(false);
  expect(performance.now() - started).toBeLessThan(1_000);
});

test('an export to a collector that is down is logged as a warning, prefixed "tracing:"', async () => {
  const warnings: string[] = [];
  const tracing = startTracing(
    { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TIMEOUT: '200' },
    { log: { warn: (message: string) => void warnings.push(message) } },
  )!;
  // A full batch (512 spans) is exported at once, as it is under load, without waiting 5 s.
  for (let i = 0; i < 512; i++) tracing.tracer.startSpan('lost', { kind: SpanKind.SERVER }).end();
  for (let waited = 0; warnings.length === 0 && waited < 3_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(warnings.length).toBeGreaterThanOrEqual(1);
  expect(warnings.every((warning) => warning.startsWith('tracing: '))).toBe(true);
  expect(warnings.join('\n')).toContain('ECONNREFUSED');
  await tracing.shutdown(100);
});

test('describes where spans go without the endpoint\'s credentials', () => {
  const tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://user:secret@otel.example:4318', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.1' })!;
  expect(tracing.description).toBe('http/protobuf to https://otel.example:4318/v1/traces as service imagestream-gateway, sampler parentbased_traceidratio 0.1');
  void tracing.shutdown(100);
});
