// The OpenTelemetry SDK as the gateway runs it: spans batched and exported over OTLP/HTTP, in
// protobuf or JSON, with the sampler and resource the environment names. No auto-instrumentation:
// the gateway makes its spans itself (one per HTTP exchange, one per upstream read).
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type Sampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import packageJson from '../../package.json';
import { Tracing } from './tracing';
import { tracingSettings, type TracingSettings } from './tracing-settings';

export interface StartTracingOptions {
  /**
   * Where the SDK's own complaints go (an export that failed, spans dropped from a full queue),
   * all as warnings: traces lost are the operator's concern, not a fault in answering requests.
   */
  log?: Pick<DiagLogger, 'warn'>;
}

/**
 * Tracing as `env` configures it (see ./tracing-settings), or undefined when it is off: then no
 * SDK, exporter or timer exists at all. Throws a TracingConfigError for a value it cannot use.
 *
 * The exporter also reads, from the process environment itself, the variables this does not
 * pass to it: OTEL_EXPORTER_OTLP_[TRACES_]CERTIFICATE, _CLIENT_CERTIFICATE, _CLIENT_KEY and
 * _COMPRESSION.
 */
export function startTracing(env: Readonly<Record<string, string | undefined>>, options: StartTracingOptions = {}): Tracing | undefined {
  const settings = tracingSettings(env);
  if (!settings) return undefined;
  if (options.log) {
    const log = options.log;
    diag.setLogger(
      {
        error: (message, ...args) => log.warn(`tracing: ${message}${args.length ? ` ${args.map(String).join(' ')}` : ''}`),
        warn: (message, ...args) => log.warn(`tracing: ${message}${args.length ? ` ${args.map(String).join(' ')}` : ''}`),
        info: () => undefined,
        debug: () => undefined,
        verbose: () => undefined,
      },
      { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
    );
  }
  const provider = new TracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ ...settings.resourceAttributes, [ATTR_SERVICE_NAME]: settings.serviceName, [ATTR_SERVICE_VERSION]: packageJson.version }),
    ),
    sampler: samplerOf(settings.sampler),
    spanProcessors: [new BatchSpanProcessor({ exporter: exporterOf(settings) })],
  });
  return new Tracing(provider, `${settings.protocol} to ${withoutCredentials(settings.url)} as service ${settings.serviceName}, sampler ${describeSampler(settings.sampler)}`);
}

/** The URL as a log line may show it: without a user name or password. */
function withoutCredentials(raw: string): string {
  const url = new URL(raw);
  url.username = '';
  url.password = '';
  return url.toString();
}

function exporterOf(settings: TracingSettings): SpanExporter {
  const config = { url: settings.url, headers: settings.headers, ...(settings.timeoutMs !== undefined ? { timeoutMillis: settings.timeoutMs } : {}) };
  return settings.protocol === 'http/json' ? new OtlpJsonExporter(config) : new OtlpProtobufExporter(config);
}

function samplerOf({ name, ratio }: TracingSettings['sampler']): Sampler {
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}

function describeSampler({ name, ratio }: TracingSettings['sampler']): string {
  return name.endsWith('traceidratio') ? `${name} ${ratio}` : name;
}
