import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { KubeApiError, UpstreamLimitError } from '../../src/kube/errors';
import type { KubeClient } from '../../src/kube/kube-client';
import { notFoundError } from '../../src/loaders/not-found-status';
import { Tracing } from '../../src/telemetry/tracing';
import { AnswerCache } from '../../src/upstream/answer-cache';
import { createUpstreamSession, type UpstreamServices } from '../../src/upstream/upstream-session';
import { ScriptedKube } from '../helpers/scripted-kube';
import { testServices } from '../helpers/test-session';

// The session's tracing layer in-process: what span each kind of read makes, and what the
// adapter is handed for it.

const alice = { kind: 'bearer', token: 'alice-token' } as const;
const ruby = { resource: 'imagestreams', namespace: 'demo', name: 'ruby' } as const;


function traced(kube: KubeClient, overrides: Partial<UpstreamServices> = {}) {
  const exporter = new InMemorySpanExporter();
  const tracing = new Tracing(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }));
  const services = testServices(kube, { tracing, ...overrides });
  const request = tracing.tracer.startSpan('request', { kind: SpanKind.SERVER });
  return { exporter, services, request, session: () => createUpstreamSession(services, alice, request) };
}

test('a session made without a request span makes no span and hands the adapter no trace options', async () => {
  const kube = new ScriptedKube();
  const { exporter, services } = traced(kube);
  await createUpstreamSession(services, alice).get(ruby);
  expect(exporter.getFinishedSpans()).toEqual([]);
  expect(Object.keys(kube.options[0]!).sort()).toEqual(['auth', 'deadline', 'meter', 'signal']);
});

test('a read that goes upstream is a CLIENT span under the request span, whose traceparent the adapter is handed', async () => {
  const kube = new ScriptedKube();
  const { exporter, request, session } = traced(kube);
  await session().get(ruby);
  const [span] = exporter.getFinishedSpans();
  expect(span!.name).toBe('get imagestreams');
  expect(span!.kind).toBe(SpanKind.CLIENT);
  expect(span!.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
  expect(span!.attributes).toEqual({
    'server.address': 'api.example',
    'server.port': 6443,
    'http.request.method': 'GET',
    'url.full': 'https://api.example:6443/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby',
    'gateway.upstream.verb': 'get',
    'gateway.upstream.resource': 'imagestreams',
    'k8s.namespace.name': 'demo',
    'http.response.status_code': 200,
    'http.response.body.size': Buffer.byteLength(JSON.stringify({ metadata: { name: '/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby' } })),
  });
  expect(kube.options[0]!.traceHeaders).toEqual({ traceparent: `00-${span!.spanContext().traceId}-${span!.spanContext().spanId}-01` });
});

test('a LIST and a raw path read are named "list <resource>" and "get path"', async () => {
  const { exporter, session } = traced(new ScriptedKube());
  const s = session();
  await s.list({ resource: 'imagestreams', namespace: 'demo', limit: 5 });
  await s.getPath('/apis/image.openshift.io/v1');
  expect(exporter.getFinishedSpans().map((span) => [span.name, span.attributes['gateway.upstream.verb'], span.attributes['gateway.upstream.resource']])).toEqual([
    ['list imagestreams', 'list', 'imagestreams'],
    ['get path', 'path', undefined],
  ]);
});

test('a refusal the cache kept is an INTERNAL span with gateway.cache.hit true, in error with its status', async () => {
  const kube = new ScriptedKube(() => notFoundError('imagestreams', 'ruby'));
  const { exporter, session } = traced(kube, { cache: new AnswerCache({ ttlMs: 60_000, imageTtlMs: 60_000, maxBytes: 1_048_576 }) });
  await expect(session().get(ruby)).rejects.toBeInstanceOf(KubeApiError);
  await expect(session().get(ruby)).rejects.toBeInstanceOf(KubeApiError);
  expect(kube.options).toHaveLength(1);
  expect(exporter.getFinishedSpans().map((span) => [span.kind, span.attributes['gateway.cache.hit'], span.attributes['error.type'], span.status.code])).toEqual([
    [SpanKind.CLIENT, false, '404', SpanStatusCode.ERROR],
    [SpanKind.INTERNAL, true, '404', SpanStatusCode.ERROR],
  ]);
  expect(exporter.getFinishedSpans().map((span) => span.attributes['http.response.status_code'])).toEqual([404, undefined]);
});

test('a read whose path cannot be built fails with its own error, as an INTERNAL span without a URL', async () => {
  const kube = new ScriptedKube();
  const { exporter, session } = traced(kube);
  const failure = await session()
    .get({ resource: 'imagestreams', name: 'ruby' })
    .catch((error: unknown) => error);
  expect((failure as Error).message).toBe('namespace "" is invalid: imagestreams are namespaced: a namespace is required');
  const [span] = exporter.getFinishedSpans();
  expect([span!.kind, span!.attributes['url.full'], span!.attributes['error.type']]).toEqual([SpanKind.INTERNAL, undefined, 'InvalidNameError']);
  expect(kube.options).toHaveLength(0);
});

test('a read past the request\'s call budget is an INTERNAL span in error, and nothing is called', async () => {
  const kube = new ScriptedKube();
  const { exporter, session } = traced(kube, { maxUpstreamCalls: 1 });
  const s = session();
  await s.get(ruby);
  await expect(s.get({ ...ruby, name: 'python' })).rejects.toBeInstanceOf(UpstreamLimitError);
  expect(kube.options).toHaveLength(1);
  const refused = exporter.getFinishedSpans()[1]!;
  expect([refused.name, refused.kind, refused.attributes['error.type'], refused.status.code]).toEqual(['get imagestreams', SpanKind.INTERNAL, 'UpstreamLimitError', SpanStatusCode.ERROR]);
});

test('reads of one request started from unrelated async work are all children of the request span', async () => {
  const { exporter, request, session } = traced(new ScriptedKube());
  const s = session();
  // As DataLoader batches are dispatched: from timers and microtasks that no request span encloses.
  await Promise.all([
    new Promise((resolve) => setTimeout(() => resolve(s.get(ruby)), 1)),
    new Promise((resolve) => setImmediate(() => resolve(s.get({ ...ruby, name: 'python' })))),
    Promise.resolve().then(() => s.get({ ...ruby, name: 'nodejs' })),
  ]);
  const spans = exporter.getFinishedSpans();
  expect(spans).toHaveLength(3);
  expect(new Set(spans.map((span) => span.parentSpanContext?.spanId))).toEqual(new Set([request.spanContext().spanId]));
});
