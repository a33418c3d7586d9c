// The demo cluster behind a recording relay, and the gateway in front of it with tracing on: the
// relay keeps every request's headers (the demo keeps only its URL), so a test can see the
// `traceparent` of each upstream call as it arrived.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan, type Sampler } from '@opentelemetry/sdk-trace';
import { startDemoCluster, type DemoCluster, type DemoClusterOptions } from '../../src/demo/demo-cluster';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { buildGatewaySchema } from '../../src/graphql/build-gateway-schema';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { createKubeClient, type HttpKubeClient } from '../../src/kube/http-kube-client';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server';
import { Tracing } from '../../src/telemetry/tracing';

export interface RelayedRequest {
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** An answer the relay gives itself instead of relaying the request. */
export interface RelayAnswer {
  status: number;
  headers?: http.OutgoingHttpHeaders;
  body: unknown;
}

/** Answers the relay gives before relaying: `answer(request, n)` for the n-th request of its URL (1 first). */
export type RelayInterceptor = (request: RelayedRequest, n: number) => RelayAnswer | undefined;

/** An HTTP relay on loopback to `target`, recording what passes through. */
export async function startRelay(target: string, intercept?: RelayInterceptor): Promise<{ url: string; requests: RelayedRequest[]; close(): Promise<void> }> {
  const requests: RelayedRequest[] = [];
  const server = http.createServer((req, res) => {
    const recorded = { url: req.url ?? '', headers: req.headers };
    requests.push(recorded);
    const own = intercept?.(recorded, requests.filter((request) => request.url === recorded.url).length);
    if (own) {
      res.writeHead(own.status, { 'content-type': 'application/json', ...own.headers });
      res.end(JSON.stringify(own.body));
      return;
    }
    const forwarded = http.request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface TracedGateway {
  demo: DemoCluster;
  gateway: RunningServer;
  kube: HttpKubeClient;
  exporter: InMemorySpanExporter;
  tracing: Tracing;
  /** Requests the API server received through the relay, for image.openshift.io resources. */
  upstream(): RelayedRequest[];
  /** The spans ended so far, once `count` of them have been (the server span ends after the answer is sent). */
  spans(count: number): Promise<ReadableSpan[]>;
  stop(): Promise<void>;
}

const schema = buildGatewaySchema();

export interface TracedGatewayOptions {
  server?: Partial<ServerOptions>;
  sampler?: Sampler;
  /** False: the same gateway with tracing off. */
  tracing?: boolean;
  intercept?: RelayInterceptor;
  demo?: DemoClusterOptions;
}

export async function startTracedGateway(options: TracedGatewayOptions = {}): Promise<TracedGateway> {
  const demo = await startDemoCluster(options.demo);
  const relay = await startRelay(demo.url, options.intercept);
  const kube = await createKubeClient(kubeConfigForServer(relay.url, DEMO_ADMIN_TOKEN), { timeoutMs: 5_000, retryBaseMs: 10 });
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })], ...(options.sampler ? { sampler: options.sampler } : {}) });
  const tracing = new Tracing(provider);
  const gateway = await startServer({
    host: '127.0.0.1',
    port: 0,
    kube,
    lendCredentials: true,
    concurrency: 16,
    listThreshold: 10,
    schema: await schema,
    ...(options.tracing === false ? {} : { tracing }),
    ...options.server,
  });
  return {
    demo,
    gateway,
    kube,
    exporter,
    tracing,
    upstream: () => relay.requests.filter((request) => request.url.startsWith('/apis/image.openshift.io/v1/')),
    async spans(count) {
      for (let waited = 0; exporter.getFinishedSpans().length < count && waited < 2_000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return exporter.getFinishedSpans();
    },
    async stop() {
      await gateway.stop();
      await kube.close();
      await relay.close();
      await demo.stop();
      await provider.shutdown();
    },
  };
}
