// Tracing is configured by OpenTelemetry's standard environment variables, read here (and only
// here) from the environment the process entry passes in. Off unless an OTLP endpoint is set.
import { parseKeyPairsIntoRecord } from '@opentelemetry/core';

export type OtlpProtocol = 'http/protobuf' | 'http/json';

/** The samplers of the OTEL_TRACES_SAMPLER specification that need nothing outside the process. */
export type SamplerName = 'always_on' | 'always_off' | 'traceidratio' | 'parentbased_always_on' | 'parentbased_always_off' | 'parentbased_traceidratio';

export interface TracingSettings {
  /** Where spans are POSTed: the traces endpoint itself, `/v1/traces` included. */
  url: string;
  protocol: OtlpProtocol;
  serviceName: string;
  /** OTEL_RESOURCE_ATTRIBUTES, service.name excepted (serviceName has it). */
  resourceAttributes: Record<string, string>;
  sampler: { name: SamplerName; ratio: number };
  /** Sent with every export (a collector's credentials, say). */
  headers: Record<string, string>;
  timeoutMs?: number;
}

/** A tracing variable with a value the gateway cannot use: its name, what it accepts, what it got. */
export class TracingConfigError extends Error {
  override readonly name = 'TracingConfigError';
  constructor(
    readonly variable: string,
    readonly value: string,
    expected: string,
    /** The whole message, when "<variable> <expected>, got <value>" does not read well. */
    message = `${variable} ${expected}, got ${JSON.stringify(value)}`,
  ) {
    super(message);
  }
}

export const DEFAULT_SERVICE_NAME = 'imagestream-gateway';

/** Every variable tracingSettings reads, for the configuration's documentation. */
export const TRACING_VARIABLES = [
  'OTEL_SDK_DISABLED',
  'OTEL_TRACES_EXPORTER',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_PROTOCOL',
  'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
  'OTEL_EXPORTER_OTLP_HEADERS',
  'OTEL_EXPORTER_OTLP_TRACES_HEADERS',
  'OTEL_EXPORTER_OTLP_TIMEOUT',
  'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT',
  'OTEL_SERVICE_NAME',
  'OTEL_RESOURCE_ATTRIBUTES',
  'OTEL_TRACES_SAMPLER',
  'OTEL_TRACES_SAMPLER_ARG',
] as const;

type Env = Readonly<Record<string, string | undefined>>;

const SAMPLERS: ReadonlySet<string> = new Set<SamplerName>([
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
]);

/**
 * The tracing `env` asks for, or undefined when tracing is off: no OTLP endpoint is set, or
 * OTEL_SDK_DISABLED=true, or OTEL_TRACES_EXPORTER=none. A value the gateway cannot honour (gRPC,
 * an unknown sampler, a URL that is not http(s)) throws a TracingConfigError rather than being
 * ignored, so that an operator who asked for traces never runs without them unknowingly.
 * The specific OTEL_EXPORTER_OTLP_TRACES_* variable of each pair wins over the general one.
 */
export function tracingSettings(env: Env): TracingSettings | undefined {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const either = (suffix: string): { name: string; value: string } | undefined => {
    for (const name of [`OTEL_EXPORTER_OTLP_TRACES_${suffix}`, `OTEL_EXPORTER_OTLP_${suffix}`]) {
      const found = value(name);
      if (found !== undefined) return { name, value: found };
    }
    return undefined;
  };

  const disabled = value('OTEL_SDK_DISABLED');
  if (disabled !== undefined && !['true', 'false'].includes(disabled.toLowerCase())) {
    throw new TracingConfigError('OTEL_SDK_DISABLED', disabled, 'must be true or false');
  }
  if (disabled?.toLowerCase() === 'true') return undefined;
  const exporter = value('OTEL_TRACES_EXPORTER');
  if (exporter !== undefined && exporter !== 'otlp' && exporter !== 'none') {
    throw new TracingConfigError('OTEL_TRACES_EXPORTER', exporter, 'must be otlp or none (the gateway exports traces over OTLP only)');
  }
  if (exporter === 'none') return undefined;

  const specific = value('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const general = value('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (specific === undefined && general === undefined) return undefined;
  // The specific variable is the traces endpoint itself; the general one is a base under which
  // each signal has its own path.
  const url =
    specific !== undefined
      ? httpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', specific)
      : `${httpUrl('OTEL_EXPORTER_OTLP_ENDPOINT', general!).replace(/\/+$/, '')}/v1/traces`;

  const protocol = either('PROTOCOL') ?? { name: 'OTEL_EXPORTER_OTLP_PROTOCOL', value: 'http/protobuf' };
  if (protocol.value === 'grpc') {
    throw new TracingConfigError(
      protocol.name,
      protocol.value,
      'must be http/protobuf or http/json',
      `${protocol.name}=grpc is not supported: the gateway exports traces over OTLP/HTTP only; set ${protocol.name} to http/protobuf (the default) or http/json`,
    );
  }
  if (protocol.value !== 'http/protobuf' && protocol.value !== 'http/json') {
    throw new TracingConfigError(protocol.name, protocol.value, 'must be http/protobuf or http/json');
  }

  const headers = either('HEADERS');
  const timeout = either('TIMEOUT');
  let timeoutMs: number | undefined;
  if (timeout) {
    timeoutMs = Number(timeout.value);
    if (!/^\d+$/.test(timeout.value) || !Number.isSafeInteger(timeoutMs) || timeoutMs < 1) {
      throw new TracingConfigError(timeout.name, timeout.value, 'must be a whole number of milliseconds, at least 1');
    }
  }

  const { 'service.name': namedInAttributes, ...resourceAttributes } = parseKeyPairsIntoRecord(value('OTEL_RESOURCE_ATTRIBUTES'));
  return {
    url,
    protocol: protocol.value,
    // OTEL_SERVICE_NAME wins over a service.name in OTEL_RESOURCE_ATTRIBUTES, as the specification says.
    serviceName: value('OTEL_SERVICE_NAME') ?? namedInAttributes ?? DEFAULT_SERVICE_NAME,
    resourceAttributes,
    sampler: samplerOf(value('OTEL_TRACES_SAMPLER'), value('OTEL_TRACES_SAMPLER_ARG')),
    headers: headers ? parseKeyPairsIntoRecord(headers.value) : {},
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}

/** The default, parentbased_always_on, continues a caller's sampled trace and samples every new one. */
function samplerOf(name: string | undefined, arg: string | undefined): TracingSettings['sampler'] {
  const sampler = name ?? 'parentbased_always_on';
  if (!SAMPLERS.has(sampler)) {
    throw new TracingConfigError('OTEL_TRACES_SAMPLER', sampler, `must be one of ${[...SAMPLERS].join(', ')}`);
  }
  if (!sampler.endsWith('traceidratio') || arg === undefined) return { name: sampler as SamplerName, ratio: 1 };
  const ratio = Number(arg);
  if (!/^\d*\.?\d+(e-?\d+)?$/i.test(arg) || !(ratio >= 0 && ratio <= 1)) {
    throw new TracingConfigError('OTEL_TRACES_SAMPLER_ARG', arg, `must be a number from 0 to 1 (the share of new traces ${sampler} samples)`);
  }
  return { name: sampler as SamplerName, ratio };
}

function httpUrl(variable: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TracingConfigError(variable, raw, 'must be an http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TracingConfigError(variable, raw, 'must be an http:// or https:// URL');
  return raw;
}
