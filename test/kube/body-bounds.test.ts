import type http from 'node:http';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { UpstreamLimitError, UpstreamUnavailableError } from '../../src/kube/errors';
import { createKubeClient, DEFAULT_MAX_BODY_BYTES, type HttpKubeClient, type KubeClientOptions } from '../../src/kube/http-kube-client';
import type { ByteMeter } from '../../src/kube/kube-client';
import { Readable } from 'node:stream';
import { readBody } from '../../src/kube/read-body';
import { adapterForEachTest, json, okHandler, type Handler, type Upstream } from './upstream-server';
import { failureOf } from '../helpers/failure-of';

const caller = { auth: { kind: 'bearer', token: 'caller-token' } } as const;
const ruby = { resource: 'imagestreams', namespace: 'demo', name: 'ruby' } as const;
const rubyPath = '/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby';
/** The most bytes one chunk of a body may have: Node reads sockets 64 KiB at a time. */
const CHUNK = 65_536;
const MiB = 1_048_576;

let upstream: Upstream | undefined;
let client: HttpKubeClient | undefined;

const adapter = adapterForEachTest('gateway-token', { timeoutMs: 5000 });

async function start(handler: Handler, options: Partial<KubeClientOptions> = {}): Promise<HttpKubeClient> {
  const started = await adapter(handler, options);
  ({ upstream, client } = started);
  return started.client;
}

/** What a streaming handler has sent, and when the client dropped the connection. */
interface Stream {
  sent: number;
  closed: Promise<void>;
}

/**
 * Sends `total` bytes of a JSON string as a chunked body (no content-length), 64 KiB at a time
 * and only as fast as the client reads; stops when the connection closes.
 */
function streaming(total: number, headers: http.OutgoingHttpHeaders = {}): { handler: Handler; stream: Stream } {
  let closed!: () => void;
  const stream: Stream = { sent: 0, closed: new Promise<void>((resolve) => (closed = resolve)) };
  const chunk = Buffer.alloc(CHUNK, 'x');
  const handler: Handler = (_req, res) => {
    res.on('close', closed);
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.write('"');
    const pump = (): void => {
      while (!res.destroyed && stream.sent < total) {
        stream.sent += CHUNK;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end('"');
    };
    pump();
  };
  return { handler, stream };
}

/** A meter that records every take and throws `error` once more than `budget` bytes are taken. */
function meterOf(budget = Infinity, error: () => unknown = () => new Error('over budget')): ByteMeter & { takes: number[]; taken: number } {
  const meter = {
    takes: [] as number[],
    taken: 0,
    take(bytes: number) {
      meter.takes.push(bytes);
      meter.taken += bytes;
      if (meter.taken > budget) throw error();
    },
  };
  return meter;
}

/** A JSON ImageStream of exactly `bytes` bytes. */
function imageStreamOfSize(bytes: number): string {
  const empty = JSON.stringify({ kind: 'ImageStream', metadata: { name: 'ruby' }, pad: '' });
  return JSON.stringify({ kind: 'ImageStream', metadata: { name: 'ruby' }, pad: 'x'.repeat(bytes - empty.length) });
}

describe('answer bodies within maxBodyBytes', () => {
  it(`stops a 200 MB body at the default bound of ${DEFAULT_MAX_BODY_BYTES} bytes plus at most one chunk, and drops the connection`, async () => {
    const { handler, stream } = streaming(200 * MiB);
    const meter = meterOf();
    await start(handler);
    const error = await failureOf(client!.get(ruby, { ...caller, meter }));
    expect(error).toBeInstanceOf(UpstreamLimitError);
    const { limit, max, count, message } = error as UpstreamLimitError;
    expect({ limit, max }).toEqual({ limit: 'MAX_UPSTREAM_BODY_BYTES', max: 33_554_432 });
    expect(count).toBeGreaterThan(33_554_432);
    expect(count).toBeLessThanOrEqual(33_554_432 + CHUNK);
    expect(message).toBe(`the API server's answer to GET ${rubyPath} exceeded 33554432 bytes: reading stopped after ${count}`);
    // Every chunk kept was metered; the one that crossed the bound was dropped unmetered.
    expect(meter.taken).toBeLessThanOrEqual(33_554_432);
    expect(count - meter.taken).toBeGreaterThan(0);
    expect(count - meter.taken).toBeLessThanOrEqual(CHUNK);
    expect(Math.max(...meter.takes)).toBeLessThanOrEqual(CHUNK);
    await stream.closed;
    // Well short of the 200 MB offered: what was sent beyond the count sat in socket buffers.
    expect(stream.sent).toBeLessThan(64 * MiB);
    expect(upstream!.requests).toHaveLength(1);
    expect(client!.stats()).toEqual({ requests: 1, inFlight: 0, retries: 0 });
  });

  it('stops a body that never ends (1 MiB bound) without a retry; the next call opens a new connection', async () => {
    let first = true;
    const { handler, stream } = streaming(Number.MAX_SAFE_INTEGER);
    await start((req, res) => (first ? ((first = false), handler(req, res)) : okHandler(req, res)), { maxBodyBytes: MiB });
    const error = await failureOf(client!.get(ruby, caller));
    expect(error).toMatchObject({ name: 'UpstreamLimitError', limit: 'MAX_UPSTREAM_BODY_BYTES', max: MiB });
    expect((error as UpstreamLimitError).count).toBeGreaterThan(MiB);
    expect((error as UpstreamLimitError).count).toBeLessThanOrEqual(MiB + CHUNK);
    await stream.closed;
    expect(upstream!.requests).toHaveLength(1);
    await expect(client!.get(ruby, caller)).resolves.toMatchObject({ kind: 'ImageStream' });
    expect(upstream!.connections()).toBe(2);
  });

  it.each([
    ['chunked', {}],
    ['with a content-length', { 'content-length': '4096' }],
  ])('reads a body of exactly maxBodyBytes (4096) %s, telling the meter all 4096 bytes', async (_label, headers) => {
    const body = imageStreamOfSize(4096);
    const meter = meterOf();
    await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      res.end(body);
    }, { maxBodyBytes: 4096 });
    await expect(client!.get(ruby, { ...caller, meter })).resolves.toEqual(JSON.parse(body));
    expect(meter.taken).toBe(4096);
  });

  it('fails a chunked body of maxBodyBytes + 1 (4097) with count 4097', async () => {
    await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(imageStreamOfSize(4097));
    }, { maxBodyBytes: 4096 });
    const error = await failureOf(client!.get(ruby, caller));
    expect(error).toBeInstanceOf(UpstreamLimitError);
    expect(error).toMatchObject({ limit: 'MAX_UPSTREAM_BODY_BYTES', max: 4096, count: 4097 });
  });

  it('refuses a content-length of 200 MB before reading a byte, with the declared length as the count', async () => {
    let closed!: () => void;
    const socketClosed = new Promise<void>((resolve) => (closed = resolve));
    const meter = meterOf();
    await start((_req, res) => {
      res.on('close', closed);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * MiB) });
      res.write('{"kind":"ImageStream"');
    }, { maxBodyBytes: MiB });
    const error = await failureOf(client!.get(ruby, { ...caller, meter }));
    expect(error).toBeInstanceOf(UpstreamLimitError);
    expect(error).toMatchObject({
      limit: 'MAX_UPSTREAM_BODY_BYTES',
      max: MiB,
      count: 209_715_200,
      message: `the API server's answer to GET ${rubyPath} exceeded 1048576 bytes: its content-length is 209715200`,
    });
    expect(meter.takes).toEqual([]);
    await socketClosed;
  });

  it('bounds error answers too: a 500 of 8 KiB with a 4 KiB bound is a limit error, not a KubeApiError', async () => {
    await start((_req, res) => json(res, 500, { kind: 'Status', message: 'x'.repeat(8192) }), { maxBodyBytes: 4096 });
    const error = await failureOf(client!.get(ruby, caller));
    expect(error).toBeInstanceOf(UpstreamLimitError);
    expect(error).toMatchObject({ limit: 'MAX_UPSTREAM_BODY_BYTES', max: 4096 });
  });

  it('names neither the server nor the token in the message', async () => {
    const { handler } = streaming(2 * MiB);
    await start(handler, { maxBodyBytes: MiB });
    const { message } = (await failureOf(client!.get(ruby, caller))) as Error;
    expect(message).not.toContain(upstream!.url);
    expect(message).not.toContain('127.0.0.1');
    expect(message).not.toContain('caller-token');
  });

  it.each([0, -1, 1.5])('refuses maxBodyBytes %p', async (maxBodyBytes) => {
    const error = await failureOf(createKubeClient(kubeConfigForServer('http://127.0.0.1:1', 't'), { timeoutMs: 1000, maxBodyBytes }));
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe(`maxBodyBytes must be an integer >= 1, got ${maxBodyBytes}`);
  });
});

describe('the meter of a call', () => {
  it('stops the call with exactly the error the meter throws once 100,000 bytes are taken, and drops the connection', async () => {
    const { handler, stream } = streaming(200 * MiB);
    const budget = new UpstreamLimitError('MAX_REQUEST_UPSTREAM_BYTES', 100_000, 0, 'the request has read its 100000 bytes');
    const meter = meterOf(100_000, () => budget);
    await start(handler);
    const error = await failureOf(client!.get(ruby, { ...caller, meter }));
    expect(error).toBe(budget);
    expect(meter.taken).toBeGreaterThan(100_000);
    expect(meter.taken).toBeLessThanOrEqual(100_000 + CHUNK);
    await stream.closed;
    expect(upstream!.requests).toHaveLength(1);
  });

  it('does not retry when the meter reports the gateway overloaded', async () => {
    const overloaded = new UpstreamUnavailableError('the gateway holds too many upstream bytes', 'overloaded');
    await start(okHandler);
    const error = await failureOf(client!.get(ruby, { ...caller, meter: meterOf(0, () => overloaded) }));
    expect(error).toBe(overloaded);
    expect(upstream!.requests).toHaveLength(1);
    expect(client!.stats()).toEqual({ requests: 1, inFlight: 0, retries: 0 });
  });

  it('is told the bytes of every attempt: a 503 body and then the 200 body', async () => {
    const unavailable = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 503, reason: 'ServiceUnavailable' });
    const ok = imageStreamOfSize(300);
    let first = true;
    const meter = meterOf();
    await start((_req, res) => {
      res.writeHead(first ? 503 : 200, { 'content-type': 'application/json' });
      res.end(first ? unavailable : ok);
      first = false;
    }, { retryBaseMs: 1 });
    await client!.get(ruby, { ...caller, meter });
    expect(upstream!.requests).toHaveLength(2);
    expect(meter.taken).toBe(Buffer.byteLength(unavailable) + 300);
  });
});

describe('readBody on its own', () => {
  const bounds = { maxBytes: 1024, what: 'GET /apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby' };

  it('joins the chunks of a body and drops a leading byte order mark', async () => {
    const body = Readable.from([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"kind":'), Buffer.from('"ImageStream"}')]);
    expect(await readBody(body, undefined, bounds)).toEqual({ ok: true, text: '{"kind":"ImageStream"}' });
  });

  it('rejects, naming the request, when the body is destroyed without an error before its end', async () => {
    const body = new Readable({ read() {} });
    body.push('{"kind":');
    const reading = readBody(body, undefined, bounds);
    setImmediate(() => body.destroy());
    await expect(reading).rejects.toThrow(`the answer to ${bounds.what} closed before its end`);
  });

  it('rejects with the error a body is destroyed with', async () => {
    const body = new Readable({ read() {} });
    const reading = readBody(body, undefined, bounds);
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    setImmediate(() => body.destroy(reset));
    await expect(reading).rejects.toBe(reset);
  });
});
