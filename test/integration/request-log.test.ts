import { connect } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import type { KubeClient } from '../../src/kube/kube-client';
import { startHarness, type Harness } from '../helpers/gateway-harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISI_ROUTE = '/apis/image.openshift.io/v1/namespaces/:namespace/imagestreamimages/:name';

type Line = Record<string, unknown>;

/** A pino logger whose JSON lines are kept, parsed, in `lines` (and as written, in `text`). */
function capture(): { logger: pino.Logger; lines: Line[]; text: () => string } {
  const written: string[] = [];
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines, text: () => written.join('') };
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The whole answer to `head` (a request's head, CRLF-separated, sent byte for byte) and `body`. */
function rawExchange(base: string, head: string, body = ''): Promise<{ status: number; headers: Map<string, string[]> }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [statusLine = '', ...headerLines] = text.slice(0, text.indexOf('\r\n\r\n')).split('\r\n');
      const headers = new Map<string, string[]>();
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).toLowerCase();
        headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers });
    });
    // Not `end`: a client that half-closes its socket has, to Node, left before its answer.
    socket.write(`${head}\r\nHost: ${url.host}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

describe('the request log', () => {
  let harness: Harness;
  let log: ReturnType<typeof capture>;
  beforeAll(async () => {
    log = capture();
    harness = await startHarness({ server: { logger: log.logger } });
  });
  afterAll(() => harness.stop());
  beforeEach(() => {
    log.lines.length = 0;
  });

  /** The lines logged for request `id`, once its request line is written (and a moment for stragglers). */
  async function linesOf(id: string): Promise<Line[]> {
    await waitFor(() => log.lines.some((line) => line.reqId === id && line.msg === 'request'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    return log.lines.filter((line) => line.reqId === id);
  }

  /** The bytes of the demo cluster's answer to `path`, as the gateway reads it. */
  async function upstreamBytesOf(path: string): Promise<number> {
    const response = await fetch(`${harness.demo.url}${path}`, { headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` } });
    return (await response.arrayBuffer()).byteLength;
  }

  test('writes one line for a GraphQL query with a failing field, under the caller’s X-Request-Id, which the response returns', async () => {
    const id = 'frontend-7f3a:page.load_1';
    const response = await fetch(`${harness.gateway.url}/graphql?access_token=graphql-query-secret`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': id, authorization: `Bearer ${DEMO_ADMIN_TOKEN}` },
      body: JSON.stringify({
        query: 'query TwoStreams { ruby: imageStream(namespace: "demo", name: "ruby") { metadata { name } } gone: imageStream(namespace: "demo", name: "nope") { metadata { name } } }',
      }),
    });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(response.headers.get('x-request-id')).toBe(id);
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['NOT_FOUND']);
    const lines = await linesOf(id);
    const bytes = (await upstreamBytesOf('/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby')) + (await upstreamBytesOf('/apis/image.openshift.io/v1/namespaces/demo/imagestreams/nope'));
    expect(lines).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        pid: process.pid,
        hostname: expect.any(String),
        reqId: id,
        msg: 'request',
        method: 'POST',
        route: '/graphql',
        path: '/graphql',
        status: 200,
        durationMs: expect.any(Number),
        operationName: 'TwoStreams',
        upstreamCalls: 2,
        cacheHits: 0,
        upstreamBytes: bytes,
        errors: { NOT_FOUND: 1 },
      },
    ]);
    // Nothing else was logged while it was served: every line of the request is this one.
    expect(log.lines.filter((line) => line.reqId !== id)).toEqual([]);
    expect(log.text()).not.toContain('graphql-query-secret');
    expect(log.text()).not.toContain(DEMO_ADMIN_TOKEN);
  });

  test('writes one line for a REST request, without the query string or the bearer token', async () => {
    const id = '4bf92f3577b34da6a3ce929d0e0e4736';
    const path = '/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@sha256:00';
    const response = await fetch(`${harness.gateway.url}${path}?token=query-string-secret&pretty=true`, {
      headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}`, 'x-request-id': id },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe(id);
    const lines = await linesOf(id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request', method: 'GET', route: '/apis/image.openshift.io/v1/*', path, status: 404, upstreamCalls: 1, cacheHits: 0, errors: { NOT_FOUND: 1 } });
    expect(log.lines).toHaveLength(1);
    expect(log.text()).not.toContain('query-string-secret');
    expect(log.text()).not.toContain(DEMO_ADMIN_TOKEN);
  });

  test.each([
    ['300 characters', 'a'.repeat(300)],
    ['a space', 'trace 42'],
    ['a <', '<script>'],
    ['a comma', 'one,two'],
    ['a tab', 'one\ttwo'],
    ['a quote', 'a"b'],
    ['nothing', ''],
  ])('replaces an X-Request-Id with %s by a fresh UUID, on the response and in the log', async (_what, given) => {
    const answer = await rawExchange(harness.gateway.url, `GET /healthz HTTP/1.1\r\nX-Request-Id: ${given}`);
    expect(answer.status).toBe(200);
    const returned = answer.headers.get('x-request-id');
    expect(returned).toHaveLength(1);
    expect(returned?.[0]).toMatch(UUID);
    const lines = await linesOf(returned![0]!);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request', route: '/healthz', status: 200 });
    if (given) expect(log.text()).not.toContain(JSON.stringify(given).slice(1, -1));
  });

  test('never sees an X-Request-Id folded over two lines: Node refuses the request with 400 before it exists', async () => {
    const answer = await rawExchange(harness.gateway.url, 'GET /healthz HTTP/1.1\r\nX-Request-Id: first\r\n second');
    expect(answer.status).toBe(400);
    expect(answer.headers.has('x-request-id')).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(log.lines).toEqual([]);
  });

  test('treats two X-Request-Id headers as none: a fresh UUID, neither echoed', async () => {
    const answer = await rawExchange(harness.gateway.url, 'GET /healthz HTTP/1.1\r\nX-Request-Id: first-id\r\nX-Request-Id: second-id');
    const returned = answer.headers.get('x-request-id');
    expect(returned).toHaveLength(1);
    expect(returned?.[0]).toMatch(UUID);
    expect(await linesOf(returned![0]!)).toHaveLength(1);
    expect(log.text()).not.toContain('first-id');
    expect(log.text()).not.toContain('second-id');
  });

  test('makes a UUID for a request without X-Request-Id, a fresh one each time', async () => {
    const first = (await fetch(`${harness.gateway.url}/healthz`)).headers.get('x-request-id') ?? '';
    const second = (await fetch(`${harness.gateway.url}/healthz`)).headers.get('x-request-id') ?? '';
    expect(first).toMatch(UUID);
    expect(second).toMatch(UUID);
    expect(second).not.toBe(first);
    expect(await linesOf(first)).toHaveLength(1);
    expect(await linesOf(second)).toHaveLength(1);
  });

  test.each([
    ['a path no route serves', 'GET /nowhere HTTP/1.1', '', 404, 'unmatched'],
    ['a Kubernetes path no route serves', 'GET /apis/apps/v1/deployments HTTP/1.1', '', 404, 'unmatched'],
    ['the liveness probe', 'GET /healthz HTTP/1.1', '', 200, '/healthz'],
    ['the readiness probe', 'GET /readyz HTTP/1.1', '', 200, '/readyz'],
    ['the metrics', 'GET /metrics HTTP/1.1', '', 200, '/metrics'],
    ['a method /graphql does not serve', 'DELETE /graphql HTTP/1.1', '', 405, '/graphql'],
    ['two Authorization headers, refused before any route', 'GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nAuthorization: Bearer a\r\nAuthorization: Bearer b', '', 400, '/graphql'],
    ['a URL Fastify cannot decode, refused before any hook', `GET ${ISI_ROUTE.replace(':namespace', 'demo').replace(':name', '%zz')} HTTP/1.1`, '', 400, 'unmatched'],
    ['a body that is not JSON', 'POST /graphql HTTP/1.1\r\nContent-Type: application/json', '{not json', 400, '/graphql'],
  ])('returns the caller’s id on %s, and logs its one line under it', async (_what, head, body, status, route) => {
    const id = `probe-${status}-${Math.random().toString(36).slice(2)}`;
    const answer = await rawExchange(harness.gateway.url, `${head}\r\nX-Request-Id: ${id}`, body);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('x-request-id')).toEqual([id]);
    const lines = await linesOf(id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request', status, route });
  });
});

describe('the request log of a fault of the gateway', () => {
  test('is at error, with the failure, under the request’s id like every line written for it', async () => {
    const log = capture();
    const fault = async (): Promise<never> => {
      throw new TypeError('cannot read the answer');
    };
    const failing: KubeClient = { server: 'http://127.0.0.1:1', get: fault, list: fault, getPath: fault, read: fault, close: async () => undefined };
    const faulty = await startHarness({ server: { logger: log.logger, kube: failing } });
    try {
      log.lines.length = 0;
      const id = 'fault-1';
      const response = await fetch(`${faulty.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
        body: JSON.stringify({ query: '{ imageStream(namespace: "demo", name: "ruby") { metadata { name } } }' }),
      });
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors).toEqual([expect.objectContaining({ message: 'internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      await waitFor(() => log.lines.some((line) => line.msg === 'request'));
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(log.lines).toHaveLength(1);
      expect(log.lines[0]).toMatchObject({
        level: 50,
        reqId: id,
        msg: 'request',
        status: 200,
        upstreamCalls: 1,
        cacheHits: 0,
        errors: { INTERNAL_SERVER_ERROR: 1 },
        failure: { name: 'TypeError', message: 'cannot read the answer' },
      });
    } finally {
      await faulty.stop();
    }
  });
});

describe('the request line of a gateway with the cache on', () => {
  test('counts the reads the cache answered apart from the calls sent upstream', async () => {
    const log = capture();
    const harness = await startHarness({ server: { logger: log.logger, cache: { ttlMs: 60_000, imageTtlMs: 60_000, maxBytes: 16_777_216 } } });
    try {
      const query = 'query Api { imageStream(namespace: "team-a", name: "api") { metadata { name } } }';
      for (const id of ['cold-1', 'warm-2']) {
        await fetch(`${harness.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': id }, body: JSON.stringify({ query }) });
      }
      await waitFor(() => log.lines.filter((line) => line.msg === 'request').length === 2);
      const requests = log.lines.filter((line) => line.msg === 'request').map(({ reqId, upstreamCalls, cacheHits }) => ({ reqId, upstreamCalls, cacheHits }));
      expect(requests).toEqual([
        { reqId: 'cold-1', upstreamCalls: 1, cacheHits: 0 },
        { reqId: 'warm-2', upstreamCalls: 0, cacheHits: 1 },
      ]);
    } finally {
      await harness.stop();
    }
  });
});
