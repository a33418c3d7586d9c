import { KubeApiError } from '../../src/kube/errors';
import { adapterForEachTest, json, okHandler, type Handler } from './upstream-server';

// What the adapter does with a call's trace options: the headers go out on every attempt and
// cannot stand in for the credentials; each attempt is reported with its number and status.

const ruby = { verb: 'get', resource: 'imagestreams', namespace: 'demo', name: 'ruby' } as const;
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const adapter = adapterForEachTest('gateway-token', { timeoutMs: 2000, retryBaseMs: 1 });

/** Answers 503 to the first `failures` requests, then as okHandler. */
function failingFirst(failures: number): Handler {
  let n = 0;
  return (req, res) => (n++ < failures ? json(res, 503, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'ServiceUnavailable', code: 503 }) : okHandler(req, res));
}

test('sends traceparent and tracestate with every attempt, and reports each attempt with its number and status', async () => {
  const { upstream, client } = await adapter(failingFirst(2));
  const attempts: Array<[number, number | undefined]> = [];
  await client.read(ruby, {
    auth: { kind: 'bearer', token: 'caller-token' },
    traceHeaders: { traceparent: TRACEPARENT, tracestate: 'vendor=opaque' },
    onAttempt: (attempt, statusCode) => attempts.push([attempt, statusCode]),
  });
  expect(attempts).toEqual([
    [1, 503],
    [2, 503],
    [3, 200],
  ]);
  expect(upstream.requests.map((request) => [request.headers.traceparent, request.headers.tracestate])).toEqual([
    [TRACEPARENT, 'vendor=opaque'],
    [TRACEPARENT, 'vendor=opaque'],
    [TRACEPARENT, 'vendor=opaque'],
  ]);
});

test('trace headers cannot replace the credentials, the accept header or the user agent', async () => {
  const { upstream, client } = await adapter(okHandler);
  await client.read(ruby, {
    auth: { kind: 'bearer', token: 'caller-token' },
    traceHeaders: { traceparent: TRACEPARENT, authorization: 'Bearer someone-else', accept: 'text/plain', 'user-agent': 'spoofed' },
  });
  const [request] = upstream.requests;
  expect(request!.headers.authorization).toBe('Bearer caller-token');
  expect(request!.headers.accept).toBe('application/json');
  expect(request!.headers['user-agent']).toMatch(/^imagestream-gateway\//);
  expect(request!.headers.traceparent).toBe(TRACEPARENT);
});

test('a call without trace headers sends no traceparent; a failed attempt is reported with its status', async () => {
  const { upstream, client } = await adapter((_req, res) => json(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
  const attempts: Array<[number, number | undefined]> = [];
  await expect(client.read(ruby, { auth: { kind: 'gateway' }, onAttempt: (attempt, statusCode) => attempts.push([attempt, statusCode]) })).rejects.toBeInstanceOf(KubeApiError);
  expect(attempts).toEqual([[1, 404]]);
  expect(upstream.requests[0]!.headers.traceparent).toBeUndefined();
});
