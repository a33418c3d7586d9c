import packageJson from '../../package.json';
import { startTracing } from '../../src/telemetry/start-tracing';
import type { Tracing } from '../../src/telemetry/tracing';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { startOtlpReceiver, type ReceivedExport } from './otlp-receiver';

// The tracing module as the process starts it, configured by OTEL_* variables only, exporting
// to a local OTLP/HTTP receiver.

const QUERY = '{ imageStream(namespace: "openshift", name: "python") { metadata { name } } }';
const STREAM_URL_PATH = '/apis/image.openshift.io/v1/namespaces/openshift/imagestreams/python';

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let harness: Harness | undefined;
let tracing: Tracing | undefined;

beforeEach(async () => {
  receiver = await startOtlpReceiver();
});
afterEach(async () => {
  await harness?.stop();
  await tracing?.shutdown();
  await receiver.close();
  harness = undefined;
  tracing = undefined;
});

/** The gateway with tracing from `env`, after one query and a flush: what the receiver got. */
async function exportOne(env: Record<string, string>): Promise<ReceivedExport[]> {
  tracing = startTracing(env);
  expect(tracing).toBeDefined();
  harness = await startHarness({ server: { tracing } });
  const { body } = await harness.graphql(QUERY);
  expect(body.errors).toBeUndefined();
  // The server span ends just after the answer is written.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await tracing!.flush();
  return receiver.exports;
}

test.each([
  ['http/json', 'application/json'],
  ['http/protobuf', 'application/x-protobuf'],
])('OTEL_EXPORTER_OTLP_PROTOCOL=%s: the two spans of one query arrive at POST <endpoint>/v1/traces as %s', async (protocol, contentType) => {
  const exports = await exportOne({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: protocol });
  expect(exports).toHaveLength(1);
  const [received] = exports;
  expect(received!.path).toBe('/v1/traces');
  expect(received!.contentType).toBe(contentType);
  expect(received!.resource['service.name']).toBe('imagestream-gateway');
  const spans = received!.spans;
  expect(spans.map((span) => [span.name, span.kind])).toEqual([
    // OTLP's span kinds: 2 SERVER, 3 CLIENT; the client span ends first.
    ['get imagestreams', 3],
    ['query', 2],
  ]);
  const [client, server] = spans;
  expect(client!.parentSpanId).toBe(server!.spanId);
  expect(client!.traceId).toBe(server!.traceId);
  expect(client!.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(client!.attributes['url.full']).toBe(`${harness!.kube.server}${STREAM_URL_PATH}`);
  expect(client!.attributes['http.response.status_code']).toBe(200);
  expect(server!.attributes['http.route']).toBe('/graphql');
  expect(server!.attributes['graphql.operation.type']).toBe('query');
});

test('the protobuf body is OTLP protobuf, not JSON: it holds the span names as raw bytes and does not start with "{"', async () => {
  const [received] = await exportOne({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
  expect(received!.contentType).toBe('application/x-protobuf');
  expect(received!.body.includes(Buffer.from('get imagestreams'))).toBe(true);
  expect(received!.body[0]).not.toBe('{'.charCodeAt(0));
});

test('OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES and OTEL_EXPORTER_OTLP_HEADERS reach the receiver; OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is used as it is', async () => {
  const [received] = await exportOne({
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/custom/traces`,
    OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1',
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
    OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
    OTEL_SERVICE_NAME: 'gateway-east',
    OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=staging,service.name=overridden',
    OTEL_EXPORTER_OTLP_HEADERS: 'x-collector-key=k%20123',
  });
  expect(received!.path).toBe('/custom/traces');
  expect(received!.contentType).toBe('application/json');
  expect(received!.headers['x-collector-key']).toBe('k 123');
  expect(received!.resource['service.name']).toBe('gateway-east');
  expect(received!.resource['deployment.environment.name']).toBe('staging');
  expect(received!.resource['service.version']).toBe(packageJson.version);
  expect(received!.spans).toHaveLength(2);
});

test('shutdown exports the spans still waiting in the batch', async () => {
  tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });
  harness = await startHarness({ server: { tracing } });
  await harness.graphql(QUERY);
  await harness.stop();
  harness = undefined;
  // The batch's delay (5 s) has not passed: only the shutdown sends them.
  expect(receiver.exports).toHaveLength(0);
  await tracing!.shutdown();
  expect(receiver.exports.flatMap((received) => received.spans.map((span) => span.name))).toEqual(['get imagestreams', 'query']);
});

test('OTEL_TRACES_SAMPLER=parentbased_traceidratio with ARG 0 exports no new trace, but a caller\'s sampled one', async () => {
  tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0' });
  harness = await startHarness({ server: { tracing } });
  await harness.graphql(QUERY);
  const response = await fetch(`${harness.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', traceparent: `00-${'ab'.repeat(16)}-${'cd'.repeat(8)}-01` },
    body: JSON.stringify({ query: QUERY }),
  });
  await response.json();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await tracing!.flush();
  const spans = receiver.exports.flatMap((received) => received.spans);
  expect(spans.map((span) => span.traceId)).toEqual(['ab'.repeat(16), 'ab'.repeat(16)]);
  expect(spans.find((span) => span.kind === 2)!.parentSpanId).toBe('cd'.repeat(8));
});

test('with no endpoint set, tracing is off: startTracing returns nothing and a query sends nothing', async () => {
  tracing = startTracing({ OTEL_SERVICE_NAME: 'gateway-east', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });
  expect(tracing).toBeUndefined();
  harness = await startHarness({ server: { tracing } });
  const { body } = await harness.graphql(QUERY);
  expect(body.errors).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(receiver.exports).toEqual([]);
});
