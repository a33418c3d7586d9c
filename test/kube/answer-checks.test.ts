import { KubeApiError, UpstreamUnavailableError } from '../../src/kube/errors';
import type { HttpKubeClient, KubeClientOptions } from '../../src/kube/http-kube-client';
import { MAX_JSON_DEPTH, MAX_STATUS_MESSAGE_LENGTH } from '../../src/kube/interpret-answer';
import { adapterForEachTest, json, type Handler, type Upstream } from './upstream-server';
import { failureOf } from '../helpers/failure-of';

const token = 'caller-token-5f1e';
const caller = { auth: { kind: 'bearer', token } } as const;
const gateway = { auth: { kind: 'gateway' } } as const;
const ruby = { resource: 'imagestreams', namespace: 'demo', name: 'ruby' } as const;
const rubyPath = '/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby';
const listPath = '/apis/image.openshift.io/v1/namespaces/demo/imagestreams';

let upstream: Upstream | undefined;
let client: HttpKubeClient | undefined;

const adapter = adapterForEachTest('gateway-secret-77', { timeoutMs: 2000, retries: 0 });

async function start(handler: Handler, options: Partial<KubeClientOptions> = {}): Promise<HttpKubeClient> {
  const started = await adapter(handler, options);
  ({ upstream, client } = started);
  return started.client;
}

const answering =
  (body: unknown, code = 200): Handler =>
  (_req, res) =>
    json(res, code, body);

/** Sends `text` as it is, as application/json. */
const raw =
  (text: string, code = 200): Handler =>
  (_req, res) => {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(text);
  };

/** `levels` arrays nested in each other: `[[…]]`. */
const nestedArrays = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);

async function protocolFailure(call: (client: HttpKubeClient) => Promise<unknown>): Promise<UpstreamUnavailableError> {
  const error = await failureOf(call(client!));
  expect(error).toBeInstanceOf(UpstreamUnavailableError);
  expect((error as UpstreamUnavailableError).reason).toBe('protocol');
  return error as UpstreamUnavailableError;
}

describe('malformed 2xx answers are protocol failures', () => {
  it.each([
    ['no metadata', { kind: 'ImageStream' }, 'missing'],
    ['metadata null', { kind: 'ImageStream', metadata: null }, 'null'],
    ['metadata an array', { kind: 'ImageStream', metadata: [] }, 'an array'],
    ['metadata a string', { kind: 'ImageStream', metadata: 'ruby' }, 'a string'],
  ])('refuses a get answer with %s', async (_label, body, kind) => {
    await start(answering(body));
    const error = await protocolFailure((c) => c.get(ruby, caller));
    expect(error.message).toBe(`the API server answered GET ${rubyPath} with HTTP 200 and an object whose metadata is ${kind}, not an object`);
    expect(upstream!.requests).toHaveLength(1);
  });

  it.each([
    ['no items', { kind: 'ImageStreamList', metadata: {} }, 'a list whose items is missing, not an array'],
    ['items null', { kind: 'ImageStreamList', metadata: {}, items: null }, 'a list whose items is null, not an array'],
    ['items an object', { kind: 'ImageStreamList', metadata: {}, items: {} }, 'a list whose items is an object, not an array'],
    ['an item that is a number', { kind: 'ImageStreamList', metadata: {}, items: [{ metadata: {} }, 7] }, 'a list whose items[1] is a number, not an object'],
    ['an item without metadata', { kind: 'ImageStreamList', metadata: {}, items: [{ metadata: {} }, { kind: 'ImageStream' }] }, 'a list whose items[1].metadata is missing, not an object'],
    ['no metadata', { kind: 'ImageStreamList', items: [] }, 'an object whose metadata is missing, not an object'],
  ])('refuses a list answer with %s', async (_label, body, problem) => {
    await start(answering(body));
    const error = await protocolFailure((c) => c.list({ resource: 'imagestreams', namespace: 'demo', limit: 10 }, caller));
    expect(error.message).toBe(`the API server answered GET ${listPath}?limit=10 with HTTP 200 and ${problem}`);
  });

  it('returns a list with metadata and an items array of objects with metadata', async () => {
    const list = { kind: 'ImageStreamList', metadata: { continue: 'c' }, items: [{ metadata: { name: 'a' } }] };
    await start(answering(list));
    await expect(client!.list({ resource: 'imagestreams', namespace: 'demo' }, caller)).resolves.toEqual(list);
  });

  it('lets getPath return a discovery document, which has no metadata', async () => {
    const discovery = { kind: 'APIResourceList', groupVersion: 'image.openshift.io/v1', resources: [] };
    await start(answering(discovery));
    await expect(client!.getPath('/apis/image.openshift.io/v1', caller)).resolves.toEqual(discovery);
  });

  it.each([
    ['get', (c: HttpKubeClient) => c.get(ruby, caller), rubyPath],
    ['list', (c: HttpKubeClient) => c.list({ resource: 'imagestreams', namespace: 'demo' }, caller), listPath],
    ['getPath', (c: HttpKubeClient) => c.getPath('/apis/image.openshift.io/v1', caller), '/apis/image.openshift.io/v1'],
  ])('refuses a 200 Status for %s', async (_label, call, path) => {
    await start(answering({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200, items: [] }));
    const error = await protocolFailure(call);
    expect(error.message).toBe(`the API server answered GET ${path} with HTTP 200 and a Status object, not the object asked for`);
  });

  it(`returns an answer nested exactly ${MAX_JSON_DEPTH} levels deep`, async () => {
    expect(MAX_JSON_DEPTH).toBe(100);
    // The object is level 1; 99 arrays inside it make 100.
    await start(raw(`{"kind":"ImageStream","metadata":{},"deep":${nestedArrays(99)}}`));
    await expect(client!.get(ruby, caller)).resolves.toMatchObject({ kind: 'ImageStream' });
  });

  it('refuses an answer nested 101 levels deep', async () => {
    await start(raw(`{"kind":"ImageStream","metadata":{},"deep":${nestedArrays(100)}}`));
    const error = await protocolFailure((c) => c.get(ruby, caller));
    expect(error.message).toBe(`the API server answered GET ${rubyPath} with HTTP 200 and JSON nested deeper than 100 levels`);
  });

  it.each([
    ['arrays', `{"metadata":{},"deep":${nestedArrays(100_000)}}`],
    ['objects', `${'{"metadata":{},"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
  ])('turns a body of %s nested 100,000 levels into a protocol failure, not a RangeError', async (_label, body) => {
    await start(raw(body));
    const error = await protocolFailure((c) => c.get(ruby, caller));
    expect(error.message).toBe(`the API server answered GET ${rubyPath} with HTTP 200 and JSON nested deeper than 100 levels`);
  });

  it('treats an error answer nested 100,000 levels deep as a body that is not a Status', async () => {
    await start(raw(`{"kind":"Status","x":${nestedArrays(100_000)}}`, 500));
    const error = await failureOf(client!.get(ruby, caller));
    expect(error).toBeInstanceOf(KubeApiError);
    expect(error).toMatchObject({ httpStatus: 500, status: { reason: 'Unknown', code: 500 } });
    expect((error as KubeApiError).message).toMatch(/^the API server answered HTTP 500 with application\/json: "\{\\"kind\\":\\"Status\\",\\"x\\":\[\[\[/);
  });
});

describe('error Status from the upstream', () => {
  let echoCode = 500;
  const echo: Handler = (req, res) =>
    json(res, echoCode, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `cannot authenticate "authorization: ${req.headers.authorization}"`,
      reason: `Internal ${req.headers.authorization}`,
      details: {
        name: String(req.headers.authorization),
        causes: [{ reason: 'Echo', message: `${req.headers.authorization} again and ${req.headers.authorization}`, field: 'token' }],
        [`key-${req.headers.authorization}`]: 1,
      },
      code: echoCode,
    });

  it.each([500, 503])("replaces the caller's token in every string of a %i Status with [redacted]", async (code) => {
    echoCode = code;
    await start(echo);
    const error = await failureOf(client!.get(ruby, caller));
    expect(error).toBeInstanceOf(KubeApiError);
    expect((error as KubeApiError).status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'cannot authenticate "authorization: Bearer [redacted]"',
      reason: 'Internal Bearer [redacted]',
      details: {
        name: 'Bearer [redacted]',
        causes: [{ reason: 'Echo', message: 'Bearer [redacted] again and Bearer [redacted]', field: 'token' }],
        'key-Bearer [redacted]': 1,
      },
      code,
    });
    expect(upstream!.requests).toHaveLength(1);
    expect((error as Error).message).toBe('cannot authenticate "authorization: Bearer [redacted]"');
    expect(JSON.stringify((error as KubeApiError).status)).not.toContain(token);
  });

  it("replaces the gateway's own token too, in the calls made with it", async () => {
    echoCode = 500;
    await start(echo);
    const error = await failureOf(client!.get(ruby, gateway));
    expect((error as KubeApiError).status.message).toBe('cannot authenticate "authorization: Bearer [redacted]"');
    expect(JSON.stringify((error as KubeApiError).status)).not.toContain('gateway-secret-77');
  });

  it('redacts the token from the quoted body of a 503 that is not a Status', async () => {
    await start((req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end(`proxy could not forward ${req.headers.authorization}`);
    });
    const error = await failureOf(client!.get(ruby, caller));
    expect(error).toMatchObject({
      httpStatus: 503,
      message: 'the API server answered HTTP 503 with text/plain: "proxy could not forward Bearer [redacted]"',
      status: { reason: 'Unknown', code: 503, message: 'the API server answered HTTP 503 with text/plain: "proxy could not forward Bearer [redacted]"' },
    });
    expect(upstream!.requests).toHaveLength(1);
  });

  it('redacts the token from the quoted body of a 200 that is not JSON', async () => {
    await start((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<p>${req.headers.authorization}</p>`);
    });
    const error = await protocolFailure((c) => c.get(ruby, caller));
    expect(error.message).toBe(`the API server answered GET ${rubyPath} with HTTP 200 and text/html: "<p>Bearer [redacted]</p>", not a JSON object`);
  });

  const MAX = MAX_STATUS_MESSAGE_LENGTH;

  it(`cuts a message of 100000 characters to ${MAX}, ending in …`, async () => {
    expect(MAX).toBe(32768);
    await start(answering({ kind: 'Status', message: 'x'.repeat(100_000), code: 500 }, 500));
    const error = (await failureOf(client!.get(ruby, caller))) as KubeApiError;
    expect(error.status.message).toBe(`${'x'.repeat(MAX - 1)}…`);
    expect(error.message).toBe(`${'x'.repeat(MAX - 1)}…`);
  });

  it(`leaves a message of exactly ${MAX} characters whole`, async () => {
    await start(answering({ kind: 'Status', message: 'x'.repeat(MAX), code: 500 }, 500));
    const error = (await failureOf(client!.get(ruby, caller))) as KubeApiError;
    expect(error.status.message).toBe('x'.repeat(MAX));
  });

  it('redacts before cutting: a token across the cut leaves no part of itself', async () => {
    await start((req, res) => json(res, 500, { kind: 'Status', message: `${'x'.repeat(MAX - 9)}${req.headers.authorization}${'y'.repeat(100)}`, code: 500 }));
    const error = (await failureOf(client!.get(ruby, caller))) as KubeApiError;
    expect(error.status.message).toBe(`${'x'.repeat(MAX - 9)}Bearer […`);
  });

  it('does not split a surrogate pair at the cut', async () => {
    await start(answering({ kind: 'Status', message: `${'x'.repeat(MAX - 2)}😀${'y'.repeat(10)}`, code: 500 }, 500));
    const error = (await failureOf(client!.get(ruby, caller))) as KubeApiError;
    expect(error.status.message).toBe(`${'x'.repeat(MAX - 2)}…`);
  });
});
