import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLSchema } from 'graphql';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { startDemoCluster, type DemoCluster, type DemoClusterOptions } from '../../src/demo/demo-cluster';
import { buildGatewaySchema } from '../../src/graphql/build-gateway-schema';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { createKubeClient } from '../../src/kube/http-kube-client';
import type { KubeClient } from '../../src/kube/kube-client';
import { GatewayMetrics } from '../../src/metrics';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server';

export interface HarnessOptions {
  demo?: DemoClusterOptions;
  lendCredentials?: boolean;
  concurrency?: number;
  listThreshold?: number;
  timeoutMs?: number;
  /** Upstream retries of the adapter (429, 503, refused connections); the adapter's default when absent. */
  retries?: number;
  server?: Partial<ServerOptions>;
}

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> };
}

export interface Harness {
  demo: DemoCluster;
  gateway: RunningServer;
  kube: KubeClient;
  /** POSTs one operation to /graphql; `token` null sends no Authorization header. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLAnswer<T>>;
  /** Runs a typed operation from test/generated (see codegen.yml). */
  run<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    token?: string | null,
  ): Promise<GraphQLAnswer<TResult>>;
  /** Upstream get/list calls in flight now. */
  inFlight(): number;
  /** The most upstream get/list calls in flight at once since the start or the last reset. */
  peakUpstreamInFlight(): number;
  resetPeak(): void;
  /** Upstream requests the demo cluster received for resources (discovery excluded). */
  upstreamCalls(): string[];
  stop(): Promise<void>;
}

let schema: Promise<GraphQLSchema> | undefined;

/** The demo cluster and the gateway in front of it, both on port 0, as `npm start` wires them. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  schema ??= buildGatewaySchema();
  const demo = await startDemoCluster(options.demo);
  const metrics = new GatewayMetrics();
  const adapter = await createKubeClient(kubeConfigForServer(demo.url, DEMO_ADMIN_TOKEN), {
    onRequest: metrics.observeUpstream,
    timeoutMs: options.timeoutMs ?? 5_000,
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
  });
  let inFlight = 0;
  let peak = 0;
  const tracked = <T>(call: () => Promise<T>): Promise<T> => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    return call().finally(() => {
      inFlight -= 1;
    });
  };
  // The adapter itself, with its get/list calls counted while in flight.
  const kube: KubeClient = {
    server: adapter.server,
    get: (request, callOptions) => tracked(() => adapter.get(request, callOptions)),
    list: (request, callOptions) => tracked(() => adapter.list(request, callOptions)),
    getPath: (path, callOptions) => adapter.getPath(path, callOptions),
    read: (request, callOptions) => (request.verb === 'path' ? adapter.read(request, callOptions) : tracked(() => adapter.read(request, callOptions))),
    reviewToken: (token, callOptions) => adapter.reviewToken(token, callOptions),
    watch: (request, callOptions) => adapter.watch(request, callOptions),
    close: () => adapter.close(),
  };
  const gateway = await startServer({
    host: '127.0.0.1',
    port: 0,
    kube,
    lendCredentials: options.lendCredentials ?? true,
    concurrency: options.concurrency ?? 16,
    listThreshold: options.listThreshold ?? 10,
    schema: await schema,
    metrics,
    ...options.server,
  });
  const harness: Harness = {
    demo,
    gateway,
    kube,
    async graphql(query, variables, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as GraphQLAnswer['body'] } as never;
    },
    run(document, variables, token) {
      return harness.graphql(print(document), variables, token);
    },
    inFlight: () => inFlight,
    peakUpstreamInFlight: () => peak,
    resetPeak() {
      peak = inFlight;
    },
    upstreamCalls() {
      return demo.requests.map((request) => request.url).filter((url) => url.startsWith('/apis/image.openshift.io/v1/'));
    },
    async stop() {
      await gateway.stop();
      await kube.close();
      await demo.stop();
    },
  };
  return harness;
}
