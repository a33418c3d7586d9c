import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { AlwaysOffSampler, ParentBasedSampler, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { startTracedGateway, type TracedGateway, type TracedGatewayOptions } from './traced-gateway';

// One trace per request: the server span of the HTTP exchange, and under it one span per upstream
// read, parented on the request whichever resolver's DataLoader batch made the read.

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const FIRST_LOOK = /```graphql\n(query FirstLook[\s\S]*?)```/.exec(readme)?.[1] ?? '';
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const IMAGE_API = '/apis/image.openshift.io/v1';

let traced: TracedGateway;
afterEach(() => traced.stop());

async function start(options: TracedGatewayOptions = {}): Promise<TracedGateway> {
  traced = await startTracedGateway(options);
  return traced;
}

async function post(query: string, headers: Record<string, string> = {}): Promise<{ status: number; body: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } }> {
  const response = await fetch(`${traced.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** What the API server answers `path` with, in bytes, as the gateway's credentials read it. */
async function upstreamBytes(path: string): Promise<number> {
  const response = await fetch(traced.demo.url + path, { headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` } });
  return Buffer.byteLength(await response.text());
}

const relayPort = (): number => Number(new URL(traced.kube.server).port);
const byStart = (spans: ReadableSpan[]): ReadableSpan[] => [...spans].sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
const ms = ([seconds, nanos]: [number, number]): number => seconds * 1000 + nanos / 1e6;
const pathOf = (span: ReadableSpan): string => new URL(String(span.attributes['url.full'])).pathname;

function clientAttributes(path: string, resource: string, bytes: number): Record<string, unknown> {
  return {
    'server.address': '127.0.0.1',
    'server.port': relayPort(),
    'http.request.method': 'GET',
    'url.full': `${traced.kube.server}${path}`,
    'gateway.upstream.verb': 'get',
    'gateway.upstream.resource': resource,
    'k8s.namespace.name': 'openshift',
    'http.response.body.size': bytes,
    'http.response.status_code': 200,
  };
}

describe('the README FirstLook query, over HTTP with tracing on', () => {
  test('is one trace: a SERVER span "query FirstLook" and three CLIENT spans under it, one per upstream call in two DataLoader batches', async () => {
    await start();
    const { status, body } = await post(FIRST_LOOK);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const spans = await traced.spans(4);
    expect(spans).toHaveLength(4);

    const server = spans.find((span) => span.kind === SpanKind.SERVER)!;
    expect(server.name).toBe('query FirstLook');
    expect(server.parentSpanContext).toBeUndefined();
    expect(server.attributes).toEqual({
      'http.request.method': 'POST',
      'url.path': '/graphql',
      'url.scheme': 'http',
      'http.route': '/graphql',
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'FirstLook',
      'http.response.status_code': 200,
    });
    expect(server.status.code).toBe(SpanStatusCode.UNSET);

    const [stream, ...images] = byStart(spans.filter((span) => span !== server));
    const calls = traced.upstream().map((request) => request.url);
    expect(calls).toHaveLength(3);
    const streamPath = `${IMAGE_API}/namespaces/openshift/imagestreams/python`;
    expect(calls[0]).toBe(streamPath);
    expect(stream!.name).toBe('get imagestreams');
    expect(stream!.attributes).toEqual(clientAttributes(streamPath, 'imagestreams', await upstreamBytes(streamPath)));
    // The second batch: both images, asked by two different tags' resolvers.
    expect(images.map((span) => span.name)).toEqual(['get imagestreamimages', 'get imagestreamimages']);
    expect(images.map(pathOf).sort()).toEqual(calls.slice(1).sort());
    for (const image of images) {
      expect(image.attributes).toEqual(clientAttributes(pathOf(image), 'imagestreamimages', await upstreamBytes(pathOf(image))));
      expect(ms(image.startTime)).toBeGreaterThanOrEqual(ms(stream!.endTime));
    }

    for (const span of [stream!, ...images]) {
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
    }
    expect(new Set(spans.map((span) => span.spanContext().traceId)).size).toBe(1);
    expect(new Set(spans.map((span) => span.spanContext().spanId)).size).toBe(4);
  });

  test('sends each upstream call the traceparent of its own CLIENT span', async () => {
    await start();
    await post(FIRST_LOOK);
    const spans = await traced.spans(4);
    const clients = spans.filter((span) => span.kind === SpanKind.CLIENT);
    const expected = Object.fromEntries(clients.map((span) => [pathOf(span), `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`]));
    const sent = Object.fromEntries(traced.upstream().map((request) => [request.url, request.headers.traceparent]));
    expect(sent).toEqual(expected);
    expect(Object.keys(sent)).toHaveLength(3);
  });

  test('continues the trace of an incoming traceparent: same trace id, the caller span as the server span\'s remote parent, its tracestate passed on upstream', async () => {
    await start();
    await post(FIRST_LOOK, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`, tracestate: 'vendor=opaque' });
    const spans = await traced.spans(4);
    expect(spans).toHaveLength(4);
    expect(spans.map((span) => span.spanContext().traceId)).toEqual([CALLER_TRACE, CALLER_TRACE, CALLER_TRACE, CALLER_TRACE]);
    const server = spans.find((span) => span.kind === SpanKind.SERVER)!;
    expect(server.parentSpanContext).toEqual({ traceId: CALLER_TRACE, spanId: CALLER_SPAN, traceFlags: 1, isRemote: true, traceState: expect.anything() });
    expect(server.spanContext().traceState?.get('vendor')).toBe('opaque');
    for (const request of traced.upstream()) {
      expect(request.headers.traceparent).toMatch(new RegExp(`^00-${CALLER_TRACE}-[0-9a-f]{16}-01$`));
      expect(request.headers.tracestate).toBe('vendor=opaque');
    }
  });

  test('starts a trace of its own for a malformed traceparent', async () => {
    await start();
    await post(FIRST_LOOK, { traceparent: `00-${CALLER_TRACE}-not-a-span-01` });
    const spans = await traced.spans(4);
    const server = spans.find((span) => span.kind === SpanKind.SERVER)!;
    expect(server.parentSpanContext).toBeUndefined();
    expect(server.spanContext().traceId).not.toBe(CALLER_TRACE);
  });
});

describe('spans of reads that do not simply go upstream once', () => {
  test('a retried call is one span with http.request.resend_count 1, both attempts carrying its traceparent', async () => {
    const streamPath = `${IMAGE_API}/namespaces/openshift/imagestreams/python`;
    await start({
      intercept: (request, n) =>
        request.url === streamPath && n === 1 ? { status: 503, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'ServiceUnavailable', code: 503 } } : undefined,
    });
    const { body } = await post('{ imageStream(namespace: "openshift", name: "python") { metadata { name } } }');
    expect(body.errors).toBeUndefined();
    const spans = await traced.spans(2);
    const client = spans.find((span) => span.kind === SpanKind.CLIENT)!;
    expect(client.attributes['http.request.resend_count']).toBe(1);
    expect(client.attributes['http.response.status_code']).toBe(200);
    const sent = traced.upstream().map((request) => request.headers.traceparent);
    expect(sent).toEqual([
      `00-${client.spanContext().traceId}-${client.spanContext().spanId}-01`,
      `00-${client.spanContext().traceId}-${client.spanContext().spanId}-01`,
    ]);
  });

  test('a 404 is a CLIENT span in error (error.type "404"); the server span of the 200 answer lists NOT_FOUND', async () => {
    await start();
    const { status, body } = await post('{ imageStream(namespace: "openshift", name: "no-such-stream") { metadata { name } } }');
    expect(status).toBe(200);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    const spans = await traced.spans(2);
    const server = spans.find((span) => span.kind === SpanKind.SERVER)!;
    const client = spans.find((span) => span.kind === SpanKind.CLIENT)!;
    expect(server.name).toBe('query');
    expect(server.attributes['gateway.error.codes']).toEqual(['NOT_FOUND']);
    expect(server.attributes['http.response.status_code']).toBe(200);
    expect(server.status.code).toBe(SpanStatusCode.UNSET);
    expect(client.attributes['http.response.status_code']).toBe(404);
    expect(client.attributes['error.type']).toBe('404');
    expect(client.status.code).toBe(SpanStatusCode.ERROR);
    expect(client.attributes['http.response.body.size']).toBeUndefined();
  });

  test('with the cache on, a repeated query is a trace of INTERNAL spans with gateway.cache.hit true, and nothing goes upstream', async () => {
    await start({ server: { cache: { ttlMs: 60_000, imageTtlMs: 60_000, maxBytes: 16 * 1024 * 1024 } } });
    await post(FIRST_LOOK);
    const first = await traced.spans(4);
    traced.exporter.reset();
    await post(FIRST_LOOK);
    const second = await traced.spans(4);

    expect(traced.upstream()).toHaveLength(3);
    const reads = (spans: ReadableSpan[]) => byStart(spans.filter((span) => span.kind !== SpanKind.SERVER));
    expect(reads(first).map((span) => [span.name, span.kind, span.attributes['gateway.cache.hit']])).toEqual([
      ['get imagestreams', SpanKind.CLIENT, false],
      ['get imagestreamimages', SpanKind.CLIENT, false],
      ['get imagestreamimages', SpanKind.CLIENT, false],
    ]);
    expect(reads(second).map((span) => [span.name, span.kind, span.attributes['gateway.cache.hit']])).toEqual([
      ['get imagestreams', SpanKind.INTERNAL, true],
      ['get imagestreamimages', SpanKind.INTERNAL, true],
      ['get imagestreamimages', SpanKind.INTERNAL, true],
    ]);
    const server = second.find((span) => span.kind === SpanKind.SERVER)!;
    for (const read of reads(second)) {
      expect(read.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
      // A hit sends nothing, so it has no answer status of its own, but it does have the bytes it served.
      expect(read.attributes['http.response.status_code']).toBeUndefined();
      expect(read.attributes['http.response.body.size']).toBe(reads(first).find((span) => pathOf(span) === pathOf(read))!.attributes['http.response.body.size']);
    }
    expect(server.spanContext().traceId).not.toBe(first[0]!.spanContext().traceId);
  });

  test('two requests sharing one call in flight: one span sent its traceparent, the other says gateway.upstream.shared', async () => {
    await start({ demo: { faults: { latencyMs: 200 } } });
    const query = '{ imageStream(namespace: "openshift", name: "python") { metadata { name } } }';
    await Promise.all([post(query), post(query)]);
    const spans = await traced.spans(4);
    const clients = spans.filter((span) => span.kind === SpanKind.CLIENT);
    expect(traced.upstream()).toHaveLength(1);
    expect(clients).toHaveLength(2);
    const shared = clients.find((span) => span.attributes['gateway.upstream.shared'] === true);
    const leader = clients.find((span) => span !== shared);
    expect(shared!.attributes['gateway.upstream.shared']).toBe(true);
    expect(leader!.attributes['gateway.upstream.shared']).toBeUndefined();
    expect(traced.upstream()[0]!.headers.traceparent).toBe(`00-${leader!.spanContext().traceId}-${leader!.spanContext().spanId}-01`);
    expect(shared!.spanContext().traceId).not.toBe(leader!.spanContext().traceId);
  });

  test('a client that leaves ends its server span with gateway.client.closed and no status, and its cancelled call with error.type "aborted"', async () => {
    await start({ demo: { faults: { latencyMs: 1_000 } } });
    const controller = new AbortController();
    const leaving = fetch(`${traced.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ imageStream(namespace: "openshift", name: "python") { metadata { name } } }' }),
      signal: controller.signal,
    }).catch(() => 'left');
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    expect(await leaving).toBe('left');
    const spans = await traced.spans(2);
    const server = spans.find((span) => span.kind === SpanKind.SERVER)!;
    const client = spans.find((span) => span.kind === SpanKind.CLIENT)!;
    expect(server.attributes['gateway.client.closed']).toBe(true);
    expect(server.attributes['http.response.status_code']).toBeUndefined();
    expect(client.attributes['error.type']).toBe('aborted');
    expect(client.status.code).toBe(SpanStatusCode.ERROR);
  });
});

describe('the REST route, with tracing on', () => {
  test('GET of an ImageStreamImage is a SERVER span named by its route pattern with one CLIENT span under it', async () => {
    await start();
    const stream = (await (await fetch(`${traced.demo.url}${IMAGE_API}/namespaces/openshift/imagestreams/python`, { headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` } })).json()) as {
      status: { tags: Array<{ items: Array<{ image: string }> }> };
    };
    const path = `${IMAGE_API}/namespaces/openshift/imagestreamimages/python@${stream.status.tags[0]!.items[0]!.image}`;
    const response = await fetch(`${traced.gateway.url}${path}?pretty=false`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();

    const spans = await traced.spans(2);
    expect(spans).toHaveLength(2);
    const server = spans.find((span) => span.kind === SpanKind.SERVER)!;
    const client = spans.find((span) => span.kind === SpanKind.CLIENT)!;
    expect(server.name).toBe(`GET ${IMAGE_API}/*`);
    expect(server.attributes).toEqual({
      'http.request.method': 'GET',
      'url.path': path,
      'url.scheme': 'http',
      'http.route': `${IMAGE_API}/*`,
      'http.response.status_code': 200,
    });
    expect(client.name).toBe('get imagestreamimages');
    expect(client.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(client.attributes).toEqual(clientAttributes(path, 'imagestreamimages', await upstreamBytes(path)));
    expect(traced.upstream().map((request) => request.headers.traceparent)).toEqual([`00-${client.spanContext().traceId}-${client.spanContext().spanId}-01`]);
  });

  test('a route that matches nothing is a SERVER span named by its method alone, with its 404', async () => {
    await start();
    const response = await fetch(`${traced.gateway.url}/no/such/route?token=secret`);
    expect(response.status).toBe(404);
    await response.arrayBuffer();
    const [server] = await traced.spans(1);
    expect(server!.name).toBe('GET');
    expect(server!.attributes).toEqual({ 'http.request.method': 'GET', 'url.path': '/no/such/route', 'url.scheme': 'http', 'http.response.status_code': 404 });
  });
});

describe('sampling', () => {
  test('the default parent-based sampler follows an unsampled traceparent: no span is exported, and upstream gets the trace with flags 00', async () => {
    await start();
    await post(FIRST_LOOK, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-00` });
    // A sampled request after it: its spans are the only ones.
    await post(FIRST_LOOK, { traceparent: `00-${'1'.repeat(32)}-${CALLER_SPAN}-01` });
    const spans = await traced.spans(4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(traced.exporter.getFinishedSpans().map((span) => span.spanContext().traceId)).toEqual(Array(4).fill('1'.repeat(32)));
    const unsampled = traced.upstream().slice(0, 3);
    for (const request of unsampled) expect(request.headers.traceparent).toMatch(new RegExp(`^00-${CALLER_TRACE}-[0-9a-f]{16}-00$`));
    expect(spans).toHaveLength(4);
  });

  test('a parent-based sampler that samples no new trace still continues a caller\'s sampled one', async () => {
    await start({ sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }) });
    await post(FIRST_LOOK);
    await post(FIRST_LOOK, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    await traced.spans(4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(traced.exporter.getFinishedSpans().map((span) => span.spanContext().traceId)).toEqual(Array(4).fill(CALLER_TRACE));
  });
});

describe('tracing off', () => {
  test('sends no traceparent upstream and exports nothing', async () => {
    await start({ tracing: false });
    const { body } = await post(FIRST_LOOK, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    expect(body.errors).toBeUndefined();
    expect(traced.upstream()).toHaveLength(3);
    expect(traced.upstream().map((request) => request.headers.traceparent)).toEqual([undefined, undefined, undefined]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(traced.exporter.getFinishedSpans()).toEqual([]);
  });
});
