// Connections that are too slow, too idle or one too many are closed by the server: a client
// cannot hold sockets (and with them file descriptors) for ever. Counts, not timings: each test
// waits for the server to close its sockets and counts them.
import { connect, type Socket } from 'node:net';
import { startServer, type RunningServer } from '../../src/server';
import { HostileKubeClient } from '../helpers/hostile-kube-client';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    kube: new HostileKubeClient([]),
    lendCredentials: true,
    concurrency: 4,
    listThreshold: 10,
    limits: { httpRequestTimeoutMs: 1000, httpHeadersTimeoutMs: 1000, httpKeepAliveTimeoutMs: 300, maxConnections: 8 },
  });
});

afterAll(() => server.stop());

interface Watched {
  socket: Socket;
  received: () => string;
  closed: Promise<void>;
}

function open(): Promise<Watched> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('connect', () => resolve({ socket, received: () => received, closed }));
    socket.once('error', reject);
  });
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'still open'> =>
  Promise.race([promise, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms))]);

test('closes sockets that drip a request body, answering 408', async () => {
  const sockets = await Promise.all([open(), open(), open()]);
  const drips: NodeJS.Timeout[] = [];
  for (const { socket } of sockets) {
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    drips.push(setInterval(() => socket.writable && socket.write(' '), 200));
  }
  const results = await Promise.all(sockets.map((s) => within(s.closed, 5000)));
  drips.forEach(clearInterval);
  expect(results).toEqual([undefined, undefined, undefined]);
  expect(sockets.map((s) => s.received().split('\r\n')[0])).toEqual(Array(3).fill('HTTP/1.1 408 Request Timeout'));
});

test('closes sockets that never finish their headers', async () => {
  const watched = await open();
  watched.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
  expect(await within(watched.closed, 5000)).toBeUndefined();
});

test('closes an idle kept-alive socket after the keep-alive timeout', async () => {
  const watched = await open();
  watched.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
  expect(await within(watched.closed, 5000)).toBeUndefined();
  expect(watched.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
});

test('closes the connections beyond MAX_CONNECTIONS as they arrive, and serves again once they are gone', async () => {
  const sockets = await Promise.all(Array.from({ length: 12 }, () => open()));
  const results = await Promise.all(sockets.map((s) => within(s.closed, 500)));
  expect(results.filter((result) => result === undefined)).toHaveLength(4);
  for (const { socket } of sockets) socket.destroy();
  await Promise.all(sockets.map((s) => s.closed));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const response = await fetch(`${server.url}/healthz`);
  expect(response.status).toBe(200);
});
