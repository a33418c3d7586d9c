import { KubeConfig } from '@kubernetes/client-node';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { InvalidNameError, KubeApiError, UpstreamUnavailableError } from '../../src/kube/errors';
import { createKubeClient, type HttpKubeClient, type UpstreamRequestEvent } from '../../src/kube/http-kube-client';
import { MAX_LIST_LIMIT } from '../../src/kube/kube-client';
import type { Status } from '../../src/kube/types';
import { closedPort, json, okHandler, startUpstream, type Handler, type Upstream } from './upstream-server';
import { failureOf } from '../helpers/failure-of';

const caller = { auth: { kind: 'bearer', token: 'caller-token' } } as const;
const gateway = { auth: { kind: 'gateway' } } as const;

let upstream: Upstream;
let client: HttpKubeClient;

async function start(handler: Handler = okHandler, options: { timeoutMs?: number; server?: string; onRequest?: (e: UpstreamRequestEvent) => void } = {}): Promise<void> {
  upstream = await startUpstream(handler);
  client = await createKubeClient(kubeConfigForServer(options.server ?? upstream.url, 'gateway-token'), {
    timeoutMs: options.timeoutMs ?? 2000,
    onRequest: options.onRequest,
  });
}

afterEach(async () => {
  await client?.close();
  await upstream?.close();
});


describe('paths', () => {
  beforeEach(() => start());

  it.each([
    ['ruby@sha256:0123abcd', '/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@sha256:0123abcd'],
    ['Ruby', '/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/Ruby'],
    ['rübý', '/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/r%C3%BCb%C3%BD'],
    ['a b?c#d+e', '/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/a%20b%3Fc%23d%2Be'],
  ])('sends the name %j as %s', async (name, path) => {
    await client.get({ resource: 'imagestreamimages', namespace: 'demo', name }, caller);
    expect(upstream.requests.map((r) => r.url)).toEqual([path]);
  });

  it('puts cluster-scoped images under the group path without a namespace', async () => {
    await client.get({ resource: 'images', name: 'sha256:ca01' }, caller);
    expect(upstream.requests[0]?.url).toBe('/apis/image.openshift.io/v1/images/sha256:ca01');
  });

  it('sends limit and continue as query parameters of a list', async () => {
    await client.list({ resource: 'imagestreams', namespace: 'demo', limit: 5, continue: 'eyJ2Ijoi=' }, caller);
    expect(upstream.requests[0]?.url).toBe('/apis/image.openshift.io/v1/namespaces/demo/imagestreams?limit=5&continue=eyJ2Ijoi%3D');
  });

  it('lists a collection without a query when neither limit nor continue is given', async () => {
    await client.list({ resource: 'images' }, caller);
    expect(upstream.requests[0]?.url).toBe('/apis/image.openshift.io/v1/images');
  });

  it.each([
    ['empty', ''],
    ['dot', '.'],
    ['dot-dot', '..'],
    ['slash', 'a/b'],
    ['NUL', 'a\u0000b'],
    ['lone surrogate', 'a\ud800b'],
  ])('refuses a %s name, which no path segment can carry, before any request', async (_label, name) => {
    const error = await failureOf(client.get({ resource: 'imagestreams', namespace: 'demo', name }, caller));
    expect(error).toBeInstanceOf(InvalidNameError);
    expect(error).toMatchObject({ field: 'name', value: name });
    expect(upstream.requests).toEqual([]);
  });

  it.each([
    ['an escaped slash', '%2F', '%252F'],
    ['a newline', 'a\nb', 'a%0Ab'],
    ['a space and a question mark', 'a b?', 'a%20b%3F'],
    ['a hash', 'a#b', 'a%23b'],
    ['non-ASCII', 'rübý', 'r%C3%BCb%C3%BD'],
    ['upper case', 'UPPER', 'UPPER'],
    ['dots that are not a dot segment', '...', '...'],
    ['300 characters', 'x'.repeat(300), 'x'.repeat(300)],
  ])('sends a name with %s percent-encoded in one segment: the API server judges it', async (_label, name, encoded) => {
    await client.get({ resource: 'imagestreams', namespace: 'demo', name }, caller);
    expect(upstream.requests.map((r) => r.url)).toEqual([`/apis/image.openshift.io/v1/namespaces/demo/imagestreams/${encoded}`]);
  });

  it.each([
    ['a ".." namespace', { resource: 'imagestreams', namespace: '..', name: 'ruby' }, 'namespace'],
    ['a namespace for cluster-scoped images', { resource: 'images', namespace: 'demo', name: 'sha256:ab' }, 'namespace'],
    ['no namespace for namespaced image streams', { resource: 'imagestreams', name: 'ruby' }, 'namespace'],
    ['an unknown resource', { resource: 'pods', namespace: 'demo', name: 'x' }, 'resource'],
  ])('refuses %s before any request', async (_label, request, field) => {
    const error = await failureOf(client.get(request as never, caller));
    expect(error).toBeInstanceOf(InvalidNameError);
    expect((error as InvalidNameError).field).toBe(field);
    expect(upstream.requests).toEqual([]);
  });

  it.each([0, -1, 1.5, 501, 10_000, Number.NaN, Number.POSITIVE_INFINITY])(`refuses a limit of %p, not an integer 1-${MAX_LIST_LIMIT}, before any request`, async (limit) => {
    const error = await failureOf(client.list({ resource: 'imagestreams', namespace: 'demo', limit }, caller));
    expect(error).toBeInstanceOf(InvalidNameError);
    expect(error).toMatchObject({ field: 'limit', value: String(limit), reason: 'must be an integer from 1 to 500' });
    expect(upstream.requests).toEqual([]);
  });

  it.each([1, 500])('sends a limit of %i', async (limit) => {
    expect(MAX_LIST_LIMIT).toBe(500);
    await client.list({ resource: 'imagestreams', namespace: 'demo', limit }, caller);
    expect(upstream.requests.map((r) => r.url)).toEqual([`/apis/image.openshift.io/v1/namespaces/demo/imagestreams?limit=${limit}`]);
  });

  it.each(['/apis/image.openshift.io/v1/namespaces/%2e%2E/x', '/apis/image.openshift.io/v1/.%2e/x', '/apis/image.openshift.io/v1/%2E/x'])(
    'refuses the percent-encoded dot segments of %s in getPath, which URL parsers remove',
    async (path) => {
      const error = await failureOf(client.getPath(path, caller));
      expect(error).toMatchObject({ name: 'InvalidNameError', field: 'path' });
      expect(upstream.requests).toEqual([]);
    },
  );

  it('fetches an absolute API path with getPath', async () => {
    await client.getPath('/apis/image.openshift.io/v1', caller);
    expect(upstream.requests[0]?.url).toBe('/apis/image.openshift.io/v1');
  });

  it.each(['apis', '/apis/../api', '/apis//x', '/apis/ x', '/apis/x#y'])('refuses the getPath path %j before any request', async (path) => {
    await expect(client.getPath(path, caller)).rejects.toBeInstanceOf(InvalidNameError);
    expect(upstream.requests).toEqual([]);
  });
});

it('prefixes every path with the path of the server URL', async () => {
  upstream = await startUpstream();
  client = await createKubeClient(kubeConfigForServer(`${upstream.url}/prefix/`, 'gateway-token'), { timeoutMs: 2000 });
  await client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller);
  expect(upstream.requests[0]?.url).toBe('/prefix/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby');
  expect(client.server).toBe(`${upstream.url}/prefix`);
});

describe('credentials', () => {
  it("sends the caller's token and not the gateway's", async () => {
    await start();
    await client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller);
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer caller-token');
  });

  it("sends the gateway's token only for gateway calls", async () => {
    await start();
    await client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, gateway);
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer gateway-token');
  });

  it('sends Accept: application/json and a User-Agent naming the gateway and its version', async () => {
    await start();
    await client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller);
    expect(upstream.requests[0]?.headers.accept).toBe('application/json');
    expect(upstream.requests[0]?.headers['user-agent']).toMatch(/^imagestream-gateway\/\d+\.\d+\.\d+/);
  });

  it('refuses a caller token with characters not allowed in a header, without quoting it', async () => {
    await start();
    const error = await failureOf(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, { auth: { kind: 'bearer', token: 'secret\nx' } }));
    expect(error).toBeInstanceOf(InvalidNameError);
    expect((error as Error).message).not.toContain('secret');
    expect(upstream.requests).toEqual([]);
  });

  it("reads the gateway's token from a token-file and drops its trailing newline", async () => {
    upstream = await startUpstream();
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const tokenFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'isgw-')), 'token');
    fs.writeFileSync(tokenFile, 'file-token\n');
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromString(
      JSON.stringify({
        clusters: [{ name: 'c', cluster: { server: upstream.url } }],
        users: [{ name: 'u', user: { 'token-file': tokenFile } }],
        contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'x',
      }),
    );
    client = await createKubeClient(kubeConfig, { timeoutMs: 2000 });
    await client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, gateway);
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer file-token');
  });

  it("runs the kubeconfig's exec plugin for gateway calls and never for caller calls", async () => {
    upstream = await startUpstream();
    const credential = { apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: 'exec-token' } };
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'c', server: upstream.url, skipTLSVerify: false }],
      users: [{ name: 'u', exec: { command: process.execPath, args: ['-e', `process.stdout.write(${JSON.stringify(JSON.stringify(credential))})`] } }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    client = await createKubeClient(kubeConfig, { timeoutMs: 5000 });
    await client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller);
    await client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, gateway);
    expect(upstream.requests.map((r) => r.headers.authorization)).toEqual(['Bearer caller-token', 'Bearer exec-token']);
  });

  it('reports a failing exec plugin as unavailable gateway credentials, without calling the server', async () => {
    upstream = await startUpstream();
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'c', server: upstream.url, skipTLSVerify: false }],
      users: [{ name: 'u', exec: { command: process.execPath, args: ['-e', 'process.stderr.write("login expired"); process.exit(1)'] } }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    client = await createKubeClient(kubeConfig, { timeoutMs: 5000 });
    const error = await failureOf(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, gateway));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ reason: 'unreachable', message: `the gateway's own credentials for ${upstream.url} could not be obtained: login expired` });
    expect(upstream.requests).toEqual([]);
  });

  it('sends impersonation headers of the kubeconfig user only with gateway calls', async () => {
    upstream = await startUpstream();
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'c', server: upstream.url, skipTLSVerify: false }],
      users: [{ name: 'u', token: 'gateway-token', impersonateUser: 'system:serviceaccount:demo:viewer' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    client = await createKubeClient(kubeConfig, { timeoutMs: 2000 });
    await client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller);
    await client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, gateway);
    expect(upstream.requests.map((r) => r.headers['impersonate-user'])).toEqual([undefined, 'system:serviceaccount:demo:viewer']);
  });
});

describe('answers', () => {
  const notFound: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'imagestreamimage.image.openshift.io "ruby@sha256:0123abcd" not found',
    reason: 'NotFound',
    details: { name: 'ruby@sha256:0123abcd', group: 'image.openshift.io', kind: 'imagestreamimage' },
    code: 404,
  };

  it('returns the parsed JSON object of a 200 answer', async () => {
    await start((_req, res) => json(res, 200, { kind: 'ImageStream', metadata: { name: 'ruby', extra: 1 } }));
    await expect(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller)).resolves.toEqual({
      kind: 'ImageStream',
      metadata: { name: 'ruby', extra: 1 },
    });
  });

  it('rejects a 404 with a KubeApiError carrying the Status body', async () => {
    await start((_req, res) => json(res, 404, notFound));
    const error = await failureOf(client.get({ resource: 'imagestreamimages', namespace: 'demo', name: 'ruby@sha256:0123abcd' }, caller));
    expect(error).toBeInstanceOf(KubeApiError);
    expect(error).toMatchObject({ httpStatus: 404, status: notFound, retryAfterSeconds: undefined, message: notFound.message });
  });

  it('reads Retry-After of a 500 ServerTimeout into retryAfterSeconds', async () => {
    const serverTimeout = { ...notFound, reason: 'ServerTimeout', message: 'try again', code: 500, details: { retryAfterSeconds: 2 } };
    await start((_req, res) => json(res, 500, serverTimeout, { 'retry-after': '3' }));
    const error = await failureOf(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller));
    expect(error).toMatchObject({ httpStatus: 500, retryAfterSeconds: 3, status: { reason: 'ServerTimeout' } });
  });

  it('rejects an HTML 502 with a synthesised Status quoting the first 200 characters', async () => {
    const page = `<html><body>${'bad gateway '.repeat(30)}</body></html>`;
    await start((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    const error = await failureOf(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller));
    expect(error).toBeInstanceOf(KubeApiError);
    expect((error as KubeApiError).status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `the API server answered HTTP 502 with text/html: ${JSON.stringify(`${page.slice(0, 200)}…`)}`,
      reason: 'Unknown',
      code: 502,
    });
  });

  it('rejects an empty 500 with a Status saying the body was empty', async () => {
    await start((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    const error = await failureOf(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller));
    expect(error).toMatchObject({ httpStatus: 500, status: { reason: 'Unknown', code: 500, message: 'the API server answered HTTP 500 with an empty body' } });
  });

  it('rejects a 200 that is not JSON as a protocol failure', async () => {
    await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('hello');
    });
    const error = await failureOf(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ reason: 'protocol' });
    expect((error as Error).message).toBe(
      'the API server answered GET /apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby with HTTP 200 and text/plain: "hello", not a JSON object',
    );
  });
});

describe('connections and failures', () => {
  it('reuses one kept-alive connection for sequential calls', async () => {
    await start();
    for (let i = 0; i < 5; i++) await client.get({ resource: 'imagestreams', namespace: 'demo', name: `s${i}` }, i % 2 ? caller : gateway);
    expect(upstream.requests).toHaveLength(5);
    expect(upstream.connections()).toBe(1);
  });

  it('times out a server that never answers within the configured deadline', async () => {
    await start(() => undefined, { timeoutMs: 200 });
    const started = Date.now();
    const error = await failureOf(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller));
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({
      reason: 'timeout',
      message: 'the API server did not answer GET /apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby within 200 ms',
    });
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1000);
  });

  it('cancels the upstream request when the signal aborts', async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    await start((_req, res) => res.on('close', upstreamClosed));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failureOf(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, { ...caller, signal: controller.signal }));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ reason: 'aborted' });
    await closed;
  });

  it('sends nothing when the signal is already aborted', async () => {
    await start();
    const error = await failureOf(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, { ...caller, signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ reason: 'aborted' });
    expect(upstream.requests).toEqual([]);
  });

  it('reports a refused connection as unreachable, naming the server and not the token', async () => {
    const port = await closedPort();
    client = await createKubeClient(kubeConfigForServer(`http://127.0.0.1:${port}`, 'gateway-token'), { timeoutMs: 2000 });
    const error = await failureOf(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, gateway));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error).toMatchObject({ reason: 'unreachable' });
    expect((error as Error).message).toContain(`the API server at http://127.0.0.1:${port} is unreachable`);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as Error).message).not.toContain('gateway-token');
  });

  it('retries once when the server drops a connection without answering', async () => {
    let seen = 0;
    await start((req, res) => (++seen === 1 ? req.socket.destroy() : okHandler(req, res)));
    await expect(client.get({ resource: 'imagestreams', namespace: 'demo', name: 'ruby' }, caller)).resolves.toMatchObject({ kind: 'ImageStream' });
    expect(upstream.requests).toHaveLength(2);
    expect(client.stats()).toEqual({ requests: 2, inFlight: 0, retries: 1 });
  });

  it('reports each upstream request to onRequest without credentials', async () => {
    const events: UpstreamRequestEvent[] = [];
    await start((_req, res) => json(res, 404, { kind: 'Status', code: 404 }), { onRequest: (e) => events.push(e) });
    await failureOf(client.list({ resource: 'imagestreams', namespace: 'demo', limit: 1 }, caller));
    expect(events).toEqual([
      { path: '/apis/image.openshift.io/v1/namespaces/demo/imagestreams', auth: 'bearer', statusCode: 404, outcome: 'answered', durationMs: expect.any(Number) },
    ]);
  });
});

/** A handler that keeps each request's body in `bodies`, then answers with `reply`. */
function keepingBodies(bodies: string[], reply: (res: Parameters<Handler>[1], body: string) => void): Handler {
  return (req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      bodies.push(body);
      reply(res, body);
    });
  };
}

describe('token reviews', () => {
  test("POST a TokenReview of the caller's token with the gateway's credentials and read status.authenticated", async () => {
    const bodies: string[] = [];
    await start(
      keepingBodies(bodies, (res, body) => {
        const { spec } = JSON.parse(body) as { spec: { token: string } };
        json(res, 201, { kind: 'TokenReview', apiVersion: 'authentication.k8s.io/v1', metadata: {}, status: { authenticated: spec.token === 'good-token' } });
      }),
    );
    await expect(client.reviewToken('good-token', gateway)).resolves.toBe(true);
    await expect(client.reviewToken('bad-token', gateway)).resolves.toBe(false);
    expect(upstream.requests.map((r) => `${r.method} ${r.url} ${r.headers.authorization} ${r.headers['content-type']}`)).toEqual([
      'POST /apis/authentication.k8s.io/v1/tokenreviews Bearer gateway-token application/json',
      'POST /apis/authentication.k8s.io/v1/tokenreviews Bearer gateway-token application/json',
    ]);
    expect(JSON.parse(bodies[0]!)).toEqual({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token: 'good-token' } });
  });

  test('answer false for a token that cannot go into a header, without asking', async () => {
    await start();
    await expect(client.reviewToken('two words', gateway)).resolves.toBe(false);
    expect(upstream.requests).toEqual([]);
  });

  test('fail with the Status of a refused review (the gateway may not create reviews)', async () => {
    await start((_req, res) => json(res, 403, { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 403, reason: 'Forbidden', message: 'tokenreviews is forbidden' }));
    const failure = await failureOf(client.reviewToken('good-token', gateway));
    expect(failure).toBeInstanceOf(KubeApiError);
    expect((failure as KubeApiError).httpStatus).toBe(403);
  });
});

describe('access reviews', () => {
  const question = { verb: 'delete', group: 'image.openshift.io', resource: 'imagestreams', namespace: 'demo', name: 'ruby' };

  test("POST a SelfSubjectAccessReview with the caller's own token, the question in spec.resourceAttributes, and return the answer", async () => {
    const bodies: string[] = [];
    await start(keepingBodies(bodies, (res) => json(res, 201, { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, status: { allowed: true } })));
    const answer = await client.read({ verb: 'review', access: question }, caller);
    expect((answer.value as { status: unknown }).status).toEqual({ allowed: true });
    expect(upstream.requests.map((r) => `${r.method} ${r.url} ${r.headers.authorization} ${r.headers['content-type']}`)).toEqual([
      'POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews Bearer caller-token application/json',
    ]);
    expect(JSON.parse(bodies[0]!)).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { namespace: 'demo', verb: 'delete', group: 'image.openshift.io', resource: 'imagestreams', name: 'ruby' } },
    });
  });

  test('fail with the Status of a refused review', async () => {
    await start((_req, res) => json(res, 401, { kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 401, reason: 'Unauthorized', message: 'Unauthorized' }));
    const failure = await failureOf(client.read({ verb: 'review', access: question }, caller));
    expect(failure).toBeInstanceOf(KubeApiError);
    expect((failure as KubeApiError).httpStatus).toBe(401);
  });
});
