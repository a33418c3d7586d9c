import { TracingConfigError, tracingSettings } from '../../src/telemetry/tracing-settings';

const ENDPOINT = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };

function refusal(env: Record<string, string>): { variable: string; value: string; message: string } {
  try {
    tracingSettings(env);
  } catch (error) {
    if (error instanceof TracingConfigError) return { variable: error.variable, value: error.value, message: error.message };
    throw error;
  }
  throw new Error('expected a TracingConfigError');
}

describe('tracingSettings', () => {
  test('is off without an OTLP endpoint, whatever else is set', () => {
    expect(tracingSettings({})).toBeUndefined();
    expect(tracingSettings({ OTEL_SERVICE_NAME: 'x', OTEL_TRACES_SAMPLER: 'always_on', OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toBeUndefined();
  });

  test('is off with OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none, even with an endpoint', () => {
    expect(tracingSettings({ ...ENDPOINT, OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
    expect(tracingSettings({ ...ENDPOINT, OTEL_SDK_DISABLED: 'TRUE' })).toBeUndefined();
    expect(tracingSettings({ ...ENDPOINT, OTEL_TRACES_EXPORTER: 'none' })).toBeUndefined();
    expect(tracingSettings({ ...ENDPOINT, OTEL_SDK_DISABLED: 'false', OTEL_TRACES_EXPORTER: 'otlp' })?.url).toBe('http://collector:4318/v1/traces');
  });

  test('defaults: http/protobuf, service imagestream-gateway, parentbased_always_on, /v1/traces under the endpoint', () => {
    expect(tracingSettings(ENDPOINT)).toEqual({
      url: 'http://collector:4318/v1/traces',
      protocol: 'http/protobuf',
      serviceName: 'imagestream-gateway',
      resourceAttributes: {},
      sampler: { name: 'parentbased_always_on', ratio: 1 },
      headers: {},
    });
  });

  test('appends /v1/traces to a base with a path and a trailing slash; takes the traces endpoint as it is', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example/base/' })?.url).toBe('https://otel.example/base/v1/traces');
    expect(tracingSettings({ ...ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otel.example/t' })?.url).toBe('https://otel.example/t');
  });

  test('the TRACES_ variable of each pair wins over the general one', () => {
    const settings = tracingSettings({
      ...ENDPOINT,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_HEADERS: 'a=1',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=2,c=x%3Dy',
      OTEL_EXPORTER_OTLP_TIMEOUT: '1000',
      OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '2500',
    });
    expect(settings).toMatchObject({ protocol: 'http/json', headers: { b: '2', c: 'x=y' }, timeoutMs: 2500 });
  });

  test('OTEL_SERVICE_NAME wins over service.name in OTEL_RESOURCE_ATTRIBUTES, which wins over the default', () => {
    const attributes = 'service.name=from-attributes,deployment.environment.name=prod';
    expect(tracingSettings({ ...ENDPOINT, OTEL_RESOURCE_ATTRIBUTES: attributes, OTEL_SERVICE_NAME: 'from-name' })).toMatchObject({
      serviceName: 'from-name',
      resourceAttributes: { 'deployment.environment.name': 'prod' },
    });
    expect(tracingSettings({ ...ENDPOINT, OTEL_RESOURCE_ATTRIBUTES: attributes })?.serviceName).toBe('from-attributes');
  });

  test.each([
    ['always_on', undefined, { name: 'always_on', ratio: 1 }],
    ['always_off', undefined, { name: 'always_off', ratio: 1 }],
    ['traceidratio', '0.25', { name: 'traceidratio', ratio: 0.25 }],
    ['parentbased_traceidratio', '0', { name: 'parentbased_traceidratio', ratio: 0 }],
    ['parentbased_traceidratio', undefined, { name: 'parentbased_traceidratio', ratio: 1 }],
    ['parentbased_always_off', '0.5', { name: 'parentbased_always_off', ratio: 1 }],
  ])('OTEL_TRACES_SAMPLER=%s with ARG %s is %j', (name, arg, sampler) => {
    expect(tracingSettings({ ...ENDPOINT, OTEL_TRACES_SAMPLER: name, ...(arg !== undefined ? { OTEL_TRACES_SAMPLER_ARG: arg } : {}) })?.sampler).toEqual(sampler);
  });

  test('grpc is refused at startup, naming the variable and its value', () => {
    expect(refusal({ ...ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toEqual({
      variable: 'OTEL_EXPORTER_OTLP_PROTOCOL',
      value: 'grpc',
      message:
        'OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported: the gateway exports traces over OTLP/HTTP only; set OTEL_EXPORTER_OTLP_PROTOCOL to http/protobuf (the default) or http/json',
    });
    expect(refusal({ ...ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' }).variable).toBe('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL');
  });

  test.each([
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/xml' }, 'OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json, got "http/xml"'],
    [{ OTEL_TRACES_SAMPLER: 'jaeger_remote' }, 'OTEL_TRACES_SAMPLER must be one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio, got "jaeger_remote"'],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' }, 'OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1 (the share of new traces traceidratio samples), got "1.5"'],
    [{ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: 'half' }, 'OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1 (the share of new traces traceidratio samples), got "half"'],
    [{ OTEL_EXPORTER_OTLP_TIMEOUT: '10s' }, 'OTEL_EXPORTER_OTLP_TIMEOUT must be a whole number of milliseconds, at least 1, got "10s"'],
    [{ OTEL_TRACES_EXPORTER: 'zipkin' }, 'OTEL_TRACES_EXPORTER must be otlp or none (the gateway exports traces over OTLP only), got "zipkin"'],
    [{ OTEL_SDK_DISABLED: 'yes' }, 'OTEL_SDK_DISABLED must be true or false, got "yes"'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL, got "collector:4318"'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url' }, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http:// or https:// URL, got "not a url"'],
  ])('refuses %j: %s', (env, message) => {
    expect(refusal({ ...ENDPOINT, ...env }).message).toBe(message);
  });
});
