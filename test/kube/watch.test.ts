import { KubeApiError, UpstreamUnavailableError } from '../../src/kube/errors';
import type { WatchEvent } from '../../src/kube/kube-client';
import { failureOf } from '../helpers/failure-of';
import { until } from '../helpers/until';
import { adapterForEachTest, json } from './upstream-server';

const start = adapterForEachTest('gateway-token', { timeoutMs: 2_000, maxBodyBytes: 4096 });
const caller = { auth: { kind: 'bearer' as const, token: 'caller-token' } };

async function collect(events: AsyncIterable<WatchEvent>): Promise<WatchEvent[]> {
  const seen: WatchEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

test('a watch asks for bookmarks, from the revision and for the name given, with the caller token, and yields each line as an event', async () => {
  const { client, upstream } = await start((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    // Split mid-line: events are cut at newlines, not at chunks.
    res.write('{"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"5"}}}\n{"type":"BOOK');
    res.end('MARK","object":{"metadata":{"resourceVersion":"7"}}}\n');
  });
  const events = await collect(client.watch({ resource: 'imagestreams', namespace: 'demo', resourceVersion: '4', name: 'a', timeoutSeconds: 60 }, caller));
  expect(events).toEqual([
    { type: 'ADDED', object: { metadata: { name: 'a', resourceVersion: '5' } } },
    { type: 'BOOKMARK', object: { metadata: { resourceVersion: '7' } } },
  ]);
  expect(upstream.requests.map((r) => r.url)).toEqual([
    '/apis/image.openshift.io/v1/namespaces/demo/imagestreams?watch=1&allowWatchBookmarks=true&resourceVersion=4&fieldSelector=metadata.name%3Da&timeoutSeconds=60',
  ]);
  expect(upstream.requests[0]?.headers.authorization).toBe('Bearer caller-token');
});

test('a 403 answer rejects with the KubeApiError of its Status before any event', async () => {
  const { client } = await start((_req, res) => json(res, 403, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Forbidden', code: 403, message: 'no' }));
  const failure = await failureOf(collect(client.watch({ resource: 'imagestreams', namespace: 'demo' }, caller)));
  expect(failure).toBeInstanceOf(KubeApiError);
  expect((failure as KubeApiError).httpStatus).toBe(403);
});

test('a line longer than MAX_UPSTREAM_BODY_BYTES fails the watch as an unusable answer after the events before it', async () => {
  const { client } = await start((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n');
    res.end(`{"type":"ADDED","object":{"pad":"${'x'.repeat(5000)}"}}\n`);
  });
  const seen: WatchEvent[] = [];
  const failure = await failureOf(
    (async () => {
      for await (const event of client.watch({ resource: 'imagestreams', namespace: 'demo' }, caller)) seen.push(event);
    })(),
  );
  expect(seen).toHaveLength(1);
  expect(failure).toBeInstanceOf(UpstreamUnavailableError);
  expect((failure as UpstreamUnavailableError).reason).toBe('protocol');
  expect((failure as Error).message).toBe('the API server sent a watch event of more than 4096 bytes (GET /apis/image.openshift.io/v1/namespaces/demo/imagestreams (watch))');
}, 10_000);

test('a connection cut in the middle of a watch fails it as unreachable', async () => {
  const { client } = await start((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n');
    setTimeout(() => res.socket?.destroy(), 20);
  });
  const failure = await failureOf(collect(client.watch({ resource: 'imagestreams', namespace: 'demo' }, caller)));
  expect(failure).toBeInstanceOf(UpstreamUnavailableError);
  expect((failure as UpstreamUnavailableError).reason).toBe('unreachable');
});

test('an abort ends a watch that the server keeps open, and closes its connection', async () => {
  let closed = 0;
  const { client } = await start((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n');
    req.socket.on('close', () => closed++);
  });
  const controller = new AbortController();
  const seen: string[] = [];
  const failure = await failureOf(
    (async () => {
      for await (const event of client.watch({ resource: 'imagestreams', namespace: 'demo' }, { ...caller, signal: controller.signal })) {
        seen.push(event.type);
        controller.abort();
      }
    })(),
  );
  expect(seen).toEqual(['ADDED']);
  expect((failure as UpstreamUnavailableError).reason).toBe('aborted');
  await until('the connection to close', () => closed === 1);
});
