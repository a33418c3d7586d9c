// An OpenShift-compatible API server for image.openshift.io/v1 on loopback: the upstream of
// every test, and of `npm start` where there is no cluster. Plain node:http so that the request
// line is read the way a Go server reads it (see request-target.ts), not the way a Node router would.
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { authenticate, authorize } from './demo-auth';
import { discoveryDocument } from './demo-discovery';
import { reviewToken, TOKEN_REVIEWS_PATH } from './token-review';
import { reviewAccess, SELF_SUBJECT_ACCESS_REVIEWS_PATH } from './access-review';
import { FaultInjector, INJECTED_FAULTS, type DemoFaults, type InjectedFault } from './demo-faults';
import { routeResourceRequest } from './demo-router';
import { badRequest, methodNotAllowed, routeNotFound, serviceUnavailable, tooManyRequests, unauthorized, type DemoResponse } from './demo-status';
import { createStream, deleteStream, pushImage, type PushedImage } from './demo-changes';
import { DemoStore } from './demo-store';
import { WatchHub, type WatchControl } from './demo-watch';
import { DEMO_TOKENS, type DemoToken } from './demo-tokens';
import { goJson } from '../openshift/go-json';
import { isPrettyPrint } from '../openshift/request-target';
import { sendPadded } from './oversize';
import { parseRequestTarget, requestInfoFor } from './request-target';
import { SAMPLE_DATA } from './sample-data';
import { withPageNamespace } from './sample-page';
import { withWideNamespace } from './sample-wide';

export type { DemoFaults, InjectedFault } from './demo-faults';
export type { OpenWatch, WatchControl } from './demo-watch';
export type { PushedImage } from './demo-changes';
export type { DemoToken } from './demo-tokens';

export interface RecordedRequest {
  method: string;
  /** The raw request-target as received, e.g. `/apis/…/imagestreamimages/ruby%40sha256:ab?pretty=true`. */
  url: string;
  authorization?: string;
  /** The user the token belongs to; absent when the request did not authenticate. */
  user?: string;
}

export interface DemoClusterOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Default DEMO_TOKENS. */
  tokens?: readonly DemoToken[];
  faults?: DemoFaults;
  /** Serve HTTPS with this certificate (kubectl only sends bearer tokens over TLS). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /**
   * Keep only the newest this many recorded requests. Default: all of them, which tests want;
   * a long-running process (demo mode of `npm start`) should set a bound.
   */
  maxRecordedRequests?: number;
  /** The clock of the tables' Updated column; default Date.now (tests fix it). */
  now?: () => number;
  /**
   * Add namespace `wide` with stream `long`, whose tag `latest` has `historyLength` entries, each
   * a distinct image (sample-wide.ts, WIDE): one request can fan out to that many reads.
   */
  wide?: { historyLength: number };
  /**
   * Add namespace `page`: 20 streams whose 31 tags' newest entries are 31 `<stream>@<digest>`
   * names over 19 images (sample-page.ts, PAGE), the namespace of a frontend's page query.
   */
  page?: boolean;
  /** How often a watch that asked for bookmarks gets one; default 60000, about what API servers do. */
  bookmarkIntervalMs?: number;
  /** Compact the change log this often (410 Expired for older revisions); default 300000 as etcd's default; 0: only on compact(). */
  compactionIntervalMs?: number;
  /** Push a new image to `demo/frontend:latest` this often (demo mode's churn); default 0: never. */
  churnIntervalMs?: number;
}

/** Changes to the cluster's data, as builds and users of a real cluster make them. */
export interface DemoChanges {
  /** A build pushes a new image to `namespace/stream:tag`. */
  pushImage(target: { namespace: string; stream: string; tag: string }): PushedImage;
  createStream(target: { namespace: string; name: string }): void;
  deleteStream(target: { namespace: string; name: string }): void;
  /** Forgets the change log up to now, as an etcd compaction does. */
  compact(): void;
  /** The cluster's current revision, as lists report it. */
  readonly resourceVersion: string;
}

export interface DemoCluster {
  /** e.g. `http://127.0.0.1:41234`, no trailing slash. */
  readonly url: string;
  /** Every request, in arrival order; tests count upstream calls with it. */
  readonly requests: RecordedRequest[];
  /** Requests received since the start or the last resetRequests(), recorded or not (maxRecordedRequests). */
  readonly requestCount: number;
  resetRequests(): void;
  /** How many of each fault were injected since the start (ignoreLimit, repeatContinue: where a paged LIST met them). */
  readonly injected: Readonly<Record<InjectedFault, number>>;
  /** Read on every request: change it (or its fields) at run time. */
  faults: DemoFaults;
  /** Changes the data; open watches see each change. */
  readonly changes: DemoChanges;
  /** The watches open now, and ways to break them. */
  readonly watches: WatchControl;
  /** Closes the listener and every connection, hung ones included. */
  stop(): Promise<void>;
}

// Anonymous, like the kube-apiserver's system:public-info-viewer paths.
const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);

const wantsPretty = isPrettyPrint;

function send(res: http.ServerResponse, answer: DemoResponse, pretty: boolean): void {
  if (res.destroyed || res.headersSent) return;
  const body = goJson(answer.body, pretty);
  res.writeHead(answer.code, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Content-Length': Buffer.byteLength(body),
    ...answer.headers,
  });
  res.end(body);
}

export async function startDemoCluster(options: DemoClusterOptions = {}): Promise<DemoCluster> {
  const host = options.host ?? '127.0.0.1';
  const tokens = options.tokens ?? DEMO_TOKENS;
  const withWide = options.wide ? withWideNamespace(SAMPLE_DATA, options.wide.historyLength) : SAMPLE_DATA;
  const store = new DemoStore(options.page ? withPageNamespace(withWide) : withWide);
  const hub = new WatchHub(store, { bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000 });
  const changes: DemoChanges = {
    pushImage: (target) => pushImage(store, { ...target, now: (options.now ?? Date.now)() }),
    createStream: (target) => void createStream(store, { ...target, now: (options.now ?? Date.now)() }),
    deleteStream: (target) => deleteStream(store, target),
    compact: () => store.compact(),
    get resourceVersion() {
      return store.resourceVersion;
    },
  };
  const requests: RecordedRequest[] = [];
  const maxRecorded = options.maxRecordedRequests ?? Infinity;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let serverAddress = '';

  const injected = Object.fromEntries(INJECTED_FAULTS.map((fault) => [fault, 0])) as Record<InjectedFault, number>;
  const count = (fault: InjectedFault): void => {
    injected[fault] += 1;
  };
  const cluster = {
    url: '',
    requests,
    requestCount: 0,
    injected,
    changes,
    watches: hub as WatchControl,
    faults: { ...options.faults } as DemoFaults,
    resetRequests(): void {
      requests.length = 0;
      cluster.requestCount = 0;
    },
    stop: async (): Promise<void> => undefined,
  };
  const injector = new FaultInjector(() => cluster.faults);

  /**
   * Writes the answer `delayMs` after the request arrived. The answer is made at once and only its
   * writing waits: an API server works on many cores, so answers that are due together leave
   * together, while on the demo's one thread the work of each, done after its wait, would queue
   * every answer behind the others' and add to the latency asked for.
   */
  const answerLater = (res: http.ServerResponse, delayMs: number, answer: () => DemoResponse, pretty: boolean, oversizeBytes?: number): void => {
    const arrived = performance.now();
    const response = answer();
    const respond = (): void => {
      if (oversizeBytes === undefined || response.code !== 200) send(res, response, pretty);
      else if (sendPadded(res, response, pretty, oversizeBytes)) count('oversize');
      else send(res, response, pretty);
    };
    if (delayMs <= 0) {
      respond();
      return;
    }
    const due = arrived + delayMs;
    // Timers count whole milliseconds from the event loop's last clock reading, which may be
    // older than the request: one can fire early, and one set for the rest would fire up to a
    // millisecond late. The last millisecond is waited out a turn of the loop at a time.
    let timer: NodeJS.Timeout | undefined;
    let turn: NodeJS.Immediate | undefined;
    const wait = (): void => {
      timer = undefined;
      turn = undefined;
      const left = due - performance.now();
      if (left <= 0) respond();
      else if (left < 1) turn = setImmediate(wait);
      else {
        timer = setTimeout(() => {
          timers.delete(timer!);
          wait();
        }, left);
        timers.add(timer);
      }
    };
    wait();
    res.on('close', () => {
      if (timer) {
        clearTimeout(timer);
        timers.delete(timer);
      }
      if (turn) clearImmediate(turn);
    });
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const record: RecordedRequest = { method, url: rawUrl, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) };
    requests.push(record);
    cluster.requestCount += 1;
    if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded);
    const target = parseRequestTarget(rawUrl);
    // The bodies the demo reads: a TokenReview (the gateway's TOKEN_REVIEW asks it) and a
    // SelfSubjectAccessReview (viewerCan asks it).
    if (method === 'POST' && !('error' in target) && (target.path === TOKEN_REVIEWS_PATH || target.path === SELF_SUBJECT_ACCESS_REVIEWS_PATH)) {
      const review = target.path === TOKEN_REVIEWS_PATH ? reviewToken : reviewAccess;
      void review(req, tokens).then((answer) => send(res, answer, wantsPretty(target.query, req.headers['user-agent'])));
      return;
    }
    // Other bodies are never read (the demo is read-only); let them drain so keep-alive works.
    req.resume();
    if ('error' in target) {
      send(res, badRequest(target.error), false);
      return;
    }
    const pretty = wantsPretty(target.query, req.headers['user-agent']);
    if (HEALTH_PATHS.has(target.path)) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end('ok');
      return;
    }

    const token = authenticate(req.headers.authorization, tokens);
    if (!token) {
      send(res, unauthorized(), pretty);
      return;
    }
    record.user = token.user;

    const info = requestInfoFor(method, target.path, target.query);
    if (!info.isResourceRequest) {
      const document = discoveryDocument(target.path, serverAddress);
      if (document === undefined) send(res, routeNotFound(), pretty);
      else if (method !== 'GET') send(res, methodNotAllowed(), pretty);
      else send(res, { code: 200, body: document }, pretty);
      return;
    }

    const forbidden = authorize(token, info);
    if (forbidden) {
      send(res, forbidden, pretty);
      return;
    }
    const fault = injector.decide();
    if (fault.spiked) count('spike');
    if (fault.outcome !== 'answer') count(fault.outcome);
    if (fault.outcome === 'hang') return;
    if (info.verb === 'watch' && fault.outcome === 'answer') {
      if (info.resource !== 'imagestreams' || info.apiGroup !== 'image.openshift.io' || info.parts.length !== 1) {
        send(res, methodNotAllowed(), pretty);
        return;
      }
      hub.serve(res, { user: token.user, namespace: info.namespace, query: target.query }, (answer) => send(res, answer, pretty));
      return;
    }
    const misbehave = fault.ignoreLimit || fault.repeatContinue ? { ignoreLimit: fault.ignoreLimit, repeatContinue: fault.repeatContinue, applied: count } : undefined;
    answerLater(
      res,
      fault.delayMs,
      () => {
        if (fault.outcome === 'error') return serviceUnavailable();
        if (fault.outcome === 'rateLimit') return tooManyRequests();
        return routeResourceRequest(method, { store, info, query: target.query, accept: req.headers.accept, now: (options.now ?? Date.now)(), ...(misbehave ? { misbehave } : {}) });
      },
      pretty,
      fault.oversizeBytes,
    );
  };

  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, listener) : http.createServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' || host.includes(':') ? `[${address.address}]` : host;
  serverAddress = `${hostPart}:${address.port}`;
  cluster.url = `${options.tls ? 'https' : 'http'}://${serverAddress}`;

  // The timers of a long-running demo: neither holds the process open.
  const compactionMs = options.compactionIntervalMs ?? 300_000;
  const compaction = compactionMs > 0 ? setInterval(() => store.compact(), compactionMs) : undefined;
  compaction?.unref();
  const churnMs = options.churnIntervalMs ?? 0;
  const churn = churnMs > 0 ? setInterval(() => changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' }), churnMs) : undefined;
  churn?.unref();

  let stopping: Promise<void> | undefined;
  cluster.stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      clearInterval(compaction);
      clearInterval(churn);
      hub.release();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    });
    return stopping;
  };
  return cluster;
}
