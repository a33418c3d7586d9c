// A loopback API server for the adapter's tests: it records every request and every TCP/TLS
// connection, and answers with whatever the test's handler says.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { createKubeClient, type HttpKubeClient, type KubeClientOptions } from '../../src/kube/http-kube-client';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** The CN of the client certificate presented on the connection, if any (TLS only). */
  clientCertCN?: string;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Upstream {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** TCP connections accepted (TLS: secure connections). */
  connections: () => number;
  close: () => Promise<void>;
}

/** A collection path: one that ends in a resource name, before any query. */
const COLLECTION = /\/(images|imagestreams|imagestreamtags|imagestreamimages)(\?|$)/;

/** Answers 200: an empty list for a collection, else a small ImageStream-like object naming the path. */
export const okHandler: Handler = (req, res) =>
  COLLECTION.test(req.url ?? '')
    ? json(res, 200, { kind: 'List', metadata: {}, items: [], path: req.url })
    : json(res, 200, { kind: 'ImageStream', metadata: { name: 'echo' }, path: req.url });

export function json(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startUpstream(
  handler: Handler = okHandler,
  tls?: { key: Buffer; cert: Buffer; ca?: Buffer; requestCert?: boolean },
): Promise<Upstream> {
  const requests: RecordedRequest[] = [];
  let connections = 0;
  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    if (tls) {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      if (peer && typeof peer.subject?.CN === 'string') recorded.clientCertCN = peer.subject.CN;
    }
    requests.push(recorded);
    handler(req, res);
  };
  const server = tls
    ? https.createServer({ key: tls.key, cert: tls.cert, ca: tls.ca, requestCert: tls.requestCert ?? false, rejectUnauthorized: false }, listener)
    : http.createServer(listener);
  server.on(tls ? 'secureConnection' : 'connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on loopback that nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface AdapterUnderTest {
  upstream: Upstream;
  client: HttpKubeClient;
}

/**
 * The setup the adapter's suites share: each `start` makes a loopback upstream with `handler` and
 * an adapter in front of it (the gateway's own credentials are `token`), and both are closed
 * after the test.
 */
export function adapterForEachTest(token: string, defaults: Partial<KubeClientOptions> & { timeoutMs: number }) {
  let current: Partial<AdapterUnderTest> = {};
  afterEach(async () => {
    await current.client?.close();
    await current.upstream?.close();
    current = {};
  });
  return async (handler: Handler, options: Partial<KubeClientOptions> = {}): Promise<AdapterUnderTest> => {
    const upstream = await startUpstream(handler);
    current.upstream = upstream;
    const client = await createKubeClient(kubeConfigForServer(upstream.url, token), { ...defaults, ...options });
    current.client = client;
    return { upstream, client };
  };
}
