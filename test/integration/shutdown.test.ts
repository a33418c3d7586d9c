import * as http from 'node:http';
import * as net from 'node:net';
import { createShutdown, type ShutdownOptions } from '../../src/shutdown';
import { startHarness, type Harness } from '../helpers/gateway-harness';

const RUBY = '{ imageStream(namespace: "demo", name: "ruby") { metadata { name namespace } } }';

let harness: Harness | undefined;

afterEach(async () => {
  // Whatever the test left running: the demo cluster first, so that calls hung on it end.
  await harness?.demo.stop();
  await harness?.kube.close();
  await harness?.gateway.stop().catch(() => undefined);
  harness = undefined;
});

function recorder() {
  const logs: Array<{ level: string; message: string }> = [];
  const exits: Array<{ code: number; at: number }> = [];
  const logger: ShutdownOptions['logger'] = {
    info: (message) => logs.push({ level: 'info', message }),
    warn: (message) => logs.push({ level: 'warn', message }),
    error: (message) => logs.push({ level: 'error', message }),
  };
  return { logs, exits, logger, exit: (code: number) => void exits.push({ code, at: Date.now() }) };
}

/** POSTs the query on a connection of its own (no keep-alive pool): the status and body, or the connection error. */
function post(url: string, query: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(JSON.stringify({ query }));
  });
}

/** Resolves once the demo cluster has received a request for a resource (the gateway's call is in flight). */
async function upstreamReached(h: Harness): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 10) {
    if (h.upstreamCalls().length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the gateway did not call the demo cluster within 5 s');
}

it('lets a request in flight finish with its data, refuses new connections, closes the upstream and exits 0', async () => {
  harness = await startHarness({ demo: { faults: { latencyMs: 500 } } });
  const { logs, exits, logger, exit } = recorder();
  const shutdown = createShutdown({ server: harness.gateway, kube: harness.kube, demo: harness.demo, graceMs: 5000, logger, exit });

  const inFlight = post(harness.gateway.url, RUBY);
  await upstreamReached(harness);
  const stopped = shutdown('SIGTERM');
  // Fastify closes the listening socket synchronously within close().
  await new Promise((resolve) => setTimeout(resolve, 20));
  const late = await post(harness.gateway.url, '{ __typename }');

  expect(late).toEqual({ error: 'ECONNREFUSED' });
  const answer = await inFlight;
  expect(answer).toMatchObject({ status: 200 });
  expect(JSON.parse((answer as { body: string }).body)).toEqual({ data: { imageStream: { metadata: { name: 'ruby', namespace: 'demo' } } } });

  await stopped;
  expect(exits.map((e) => e.code)).toEqual([0]);
  expect(logs.filter((l) => l.level !== 'info')).toEqual([]);
  // The demo cluster has been stopped as well: it refuses connections now.
  await expect(fetch(`${harness.demo.url}/healthz`)).rejects.toThrow();
});

it('answers 503 with Connection: close to a request that arrives on a busy connection during shutdown', async () => {
  harness = await startHarness({ demo: { faults: { latencyMs: 300 } } });
  const { exits, logger, exit } = recorder();
  const shutdown = createShutdown({ server: harness.gateway, kube: harness.kube, demo: harness.demo, graceMs: 5000, logger, exit });
  const { port } = new URL(harness.gateway.url);
  const socket = net.connect(Number(port), '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const request = (query: string) => {
    const body = JSON.stringify({ query });
    return `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  };

  socket.write(request(RUBY));
  await upstreamReached(harness);
  const stopped = shutdown('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 20));
  // Pipelined behind the request in flight, on the same connection.
  socket.write(request('{ __typename }'));
  await ended;
  await stopped;

  const statuses = [...received.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => m[1]);
  expect(statuses).toEqual(['200', '503']);
  expect(received).toContain('"name":"ruby"');
  expect(received.slice(received.lastIndexOf('HTTP/1.1 503')).toLowerCase()).toContain('connection: close');
  expect(exits.map((e) => e.code)).toEqual([0]);
});

it('waits for the same shutdown when a second signal arrives, exiting once', async () => {
  harness = await startHarness({ demo: { faults: { latencyMs: 300 } } });
  const { logs, exits, logger, exit } = recorder();
  const shutdown = createShutdown({ server: harness.gateway, kube: harness.kube, demo: harness.demo, graceMs: 5000, logger, exit });

  const inFlight = post(harness.gateway.url, RUBY);
  await upstreamReached(harness);
  const first = shutdown('SIGINT');
  const second = shutdown('SIGINT');
  await Promise.all([first, second]);

  expect(await inFlight).toMatchObject({ status: 200 });
  expect(exits.map((e) => e.code)).toEqual([0]);
  expect(logs.map((l) => l.message)).toContain('SIGINT: already stopping');
});

it('exits 0 about when the 100 ms grace period runs out while the upstream hangs, logging it', async () => {
  harness = await startHarness({ demo: { faults: { hangRate: 1 } } });
  const { logs, exits, logger, exit } = recorder();
  const shutdown = createShutdown({ server: harness.gateway, kube: harness.kube, demo: harness.demo, graceMs: 100, logger, exit });

  const inFlight = post(harness.gateway.url, RUBY);
  await upstreamReached(harness);
  const started = Date.now();
  await shutdown('SIGTERM');

  expect(exits.map((e) => e.code)).toEqual([0]);
  const elapsed = exits[0]!.at - started;
  expect(elapsed).toBeGreaterThanOrEqual(95);
  expect(elapsed).toBeLessThan(600);
  expect(logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
    'the grace period of 100 ms ran out with 1 connection(s) still open; closing them and exiting without waiting for their requests',
  ]);
  // The abandoned request's connection was closed rather than left to hang.
  expect(await inFlight).toEqual({ error: 'ECONNRESET' });
});

it('exits 1 when closing fails', async () => {
  const { logs, exits, logger, exit } = recorder();
  const failing = { app: {} as never, stop: () => Promise.reject(new Error('close failed')) };
  await createShutdown({ server: failing, kube: { close: async () => undefined }, graceMs: 1000, logger, exit })('SIGTERM');
  expect(exits.map((e) => e.code)).toEqual([1]);
  expect(logs.at(-1)).toEqual({ level: 'error', message: 'stopping failed: close failed' });
});

test('the server leaves SIGTERM and SIGINT to the process entry, also outside tests', async () => {
  // Apollo Server installs its own signal handlers unless NODE_ENV is "test"; they stopped the
  // server behind the shutdown sequence's back and re-raised the signal.
  const before = [process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')];
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const harness = await startHarness();
  try {
    expect([process.listenerCount('SIGTERM'), process.listenerCount('SIGINT')]).toEqual(before);
  } finally {
    process.env.NODE_ENV = nodeEnv;
    await harness.stop();
  }
});
