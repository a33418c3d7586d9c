import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { OperationAnswered } from './graphql/report-errors.plugin';
import type { UpstreamRequestEvent } from './kube/http-kube-client';
import type { RegistryStats } from './live/watch-registry';
import type { BatchingLoader } from './loaders/create-loaders';
import type { AnswerCache } from './upstream/answer-cache';
import type { BytesInUse } from './upstream/bytes-in-use';
import type { FairLimiter } from './upstream/fair-limiter';

/** The process-wide bounds on upstream work whose use the metrics show. */
export interface UpstreamBounds {
  fair: FairLimiter;
  bytesInUse: BytesInUse;
}

/** The resource an API path names (`imagestreamimages`, `imagestreams`, …), never the object name. */
function resourceOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  const namespaced = segments[3] === 'namespaces';
  return (namespaced ? segments[5] : segments[3]) ?? 'discovery';
}

/**
 * Distinct operation names a process labels its operations with; later names are `(other)`.
 * Names are the client's to choose, and each one is a series of its own: a bound fixed in code
 * keeps a client that names every request differently from growing the metrics without end.
 */
export const MAX_OPERATION_NAMES = 50;

/** Longer names are folded into `(other)`: a label is no place for a paragraph. */
const OPERATION_NAME_LENGTH = 100;

/**
 * The gateway's Prometheus metrics, served on GET /metrics. Labels are bounded sets (route
 * patterns, resources, status codes, loader kinds, the first operation names): never object
 * names, never callers.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  private readonly httpRequests = new Counter({
    name: 'gateway_http_requests_total',
    help: 'Requests answered by the gateway, by route pattern, method and status code.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  private readonly upstreamRequests = new Counter({
    name: 'gateway_upstream_requests_total',
    help: 'Requests sent to the Kubernetes API server (retries included), by resource, outcome and status code.',
    labelNames: ['resource', 'outcome', 'status'] as const,
    registers: [this.registry],
  });

  private readonly upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Time of each request to the Kubernetes API server, by resource.',
    labelNames: ['resource'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly sharedCacheUp = new Gauge({
    name: 'gateway_shared_cache_up',
    help: '1 while the shared cache (Redis, REDIS_URL) answers, 0 while it is unreachable (reads then go to the API server).',
    registers: [this.registry],
  });

  private readonly sharedCacheErrors = new Counter({
    name: 'gateway_shared_cache_errors_total',
    help: 'Shared cache (Redis) commands that failed or timed out, each answered as a miss.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  private readonly graphqlOperations = new Counter({
    name: 'gateway_graphql_operations_total',
    help: `GraphQL operations run (each of a batch; not those of a request refused 401 as a whole), by operation name (the first ${MAX_OPERATION_NAMES} names seen, then (other); (anonymous) without a name; (unresolved) when the document did not parse, validate or hold the operation asked for) and outcome (ok, partial: data and errors, failed: errors only).`,
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly loaderBatchSize = new Histogram({
    name: 'gateway_loader_batch_size',
    help: 'Keys in each batch a request\'s DataLoader ran, by loader.',
    labelNames: ['loader'] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
    registers: [this.registry],
  });

  /** The operation names that have a series of their own (MAX_OPERATION_NAMES, first come). */
  private readonly operationNames = new Set<string>();

  private bounds: UpstreamBounds | undefined;
  private cache: AnswerCache | undefined;
  private live: (() => RegistryStats) | undefined;

  constructor(options: { processMetrics?: boolean } = {}) {
    // Read when scraped: the bounds keep their own counts.
    const gauge = (name: string, help: string, read: (bounds: UpstreamBounds) => number): void => {
      const source = () => this.bounds;
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const bounds = source();
          this.set(bounds ? read(bounds) : 0);
        },
      });
    };
    gauge('gateway_upstream_calls_in_flight', 'Calls to the Kubernetes API server in flight now, across all requests (at most UPSTREAM_MAX_IN_FLIGHT).', (b) => b.fair.inFlight);
    gauge('gateway_upstream_calls_waiting', 'Calls to the Kubernetes API server waiting for a slot of UPSTREAM_MAX_IN_FLIGHT.', (b) => b.fair.waiting);
    gauge('gateway_upstream_bytes_in_use', 'Bytes of API server answers held by requests still being answered (at most MAX_UPSTREAM_BYTES_IN_USE).', (b) => b.bytesInUse.bytes);
    // The cache keeps its own counts; each counter is set from them when scraped.
    const cacheCounter = (name: string, help: string, read: (cache: AnswerCache) => number): void => {
      const source = () => this.cache;
      new Counter({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.reset();
          const cache = source();
          if (cache) this.inc(read(cache));
        },
      });
    };
    cacheCounter('gateway_cache_hits_total', 'Upstream reads answered from the in-memory cache.', (c) => c.stats.hits);
    cacheCounter('gateway_cache_shared_hits_total', 'Upstream reads answered from the shared cache (Redis).', (c) => c.stats.sharedHits);
    cacheCounter('gateway_cache_misses_total', 'Upstream reads the cache could not answer (sent to the API server).', (c) => c.stats.misses);
    cacheCounter('gateway_cache_evictions_total', 'Entries dropped from the in-memory cache to stay within CACHE_MAX_BYTES.', (c) => c.stats.evictions);
    const cacheSource = () => this.cache;
    new Gauge({
      name: 'gateway_cache_bytes',
      help: 'Bytes the in-memory cache holds, as counted against CACHE_MAX_BYTES.',
      registers: [this.registry],
      collect() {
        this.set(cacheSource()?.bytes ?? 0);
      },
    });
    const liveSource = () => this.live;
    new Gauge({
      name: 'gateway_subscriptions_open',
      help: 'GraphQL subscriptions open now, over WebSocket and SSE (at most MAX_SUBSCRIPTIONS).',
      registers: [this.registry],
      collect() {
        this.set(liveSource()?.().subscriptions ?? 0);
      },
    });
    new Gauge({
      name: 'gateway_upstream_watches_open',
      help: 'Watches open on the Kubernetes API server now: one per caller and namespace that has subscriptions.',
      registers: [this.registry],
      collect() {
        this.set(liveSource()?.().watches ?? 0);
      },
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** For the adapter's `onRequest` option. */
  readonly observeUpstream = (event: UpstreamRequestEvent): void => {
    const resource = resourceOf(event.path);
    this.upstreamRequests.inc({ resource, outcome: event.outcome, status: event.statusCode ?? 'none' });
    this.upstreamDuration.observe({ resource }, event.durationMs / 1000);
  };

  /** Shows the use of the server's process-wide bounds. */
  watchUpstreamBounds(bounds: UpstreamBounds): void {
    this.bounds = bounds;
  }

  /** Shows the cache's hits, misses, evictions and bytes. */
  watchCache(cache: AnswerCache): void {
    this.cache = cache;
  }

  /** Shows the open subscriptions and upstream watches. */
  watchLive(stats: () => RegistryStats): void {
    this.live = stats;
  }

  sharedCacheState(up: boolean): void {
    this.sharedCacheUp.set(up ? 1 : 0);
  }

  sharedCacheError(operation: string): void {
    this.sharedCacheErrors.inc({ operation });
  }

  observeHttp(route: string, method: string, status: number): void {
    this.httpRequests.inc({ route, method, status });
  }

  /** For the GraphQL report plugin's `onOperation` option. */
  readonly observeOperation = (operation: OperationAnswered): void => {
    this.graphqlOperations.inc({ operation: this.operationLabel(operation.name, operation.resolved), outcome: operation.outcome });
  };

  /** For the loaders' `onBatch` option. */
  readonly observeLoaderBatch = (loader: BatchingLoader, size: number): void => {
    this.loaderBatchSize.observe({ loader }, size);
  };

  // The folded values are in parentheses, which no GraphQL name can hold: none is a client's name.
  private operationLabel(name: string | undefined, resolved: boolean): string {
    if (!resolved) return '(unresolved)';
    if (!name) return '(anonymous)';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES || name.length > OPERATION_NAME_LENGTH) return '(other)';
    this.operationNames.add(name);
    return name;
  }
}
