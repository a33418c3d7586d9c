// Soak: the gateway in front of a misbehaving demo cluster, under many concurrent callers with
// different rights, for a fixed time. It answers three questions: does every caller only ever
// see what its token may see (the run fails otherwise), how fast are the answers, and does the
// memory level off. Loopback only, everything in this one process; stops by itself.
//
//   npm run soak                                   60 s, 100 clients
//   SOAK_SECONDS=10 SOAK_CLIENTS=20 npm run soak   shorter, fewer
//   SOAK_SEED=7 npm run soak                       another sequence of requests and faults
import 'reflect-metadata';
import { Pool } from 'undici';
import { startDemoCluster, type DemoFaults } from '../src/demo/demo-cluster';
import { mulberry32 } from '../src/demo/seeded-random';
import { DEMO_ADMIN_TOKEN, DEMO_TOKENS, DEVELOPER_TOKEN, VIEWER_TOKEN, type DemoToken } from '../src/demo/demo-tokens';
import { kubeConfigForServer } from '../src/kube/cluster-access';
import { createKubeClient } from '../src/kube/http-kube-client';
import type { ImageStreamList } from '../src/kube/types';
import { startServer } from '../src/server';

const SECONDS = positiveInteger('SOAK_SECONDS', 60);
const CLIENTS = positiveInteger('SOAK_CLIENTS', 100);
const SEED = positiveInteger('SOAK_SEED', 42);
const FAULTS: DemoFaults = { errorRate: 0.05, hangRate: 0.01, spikeRate: 0.05, spikeMs: 200, seed: SEED };
const UPSTREAM_TIMEOUT_MS = 2_000;
/** A client gives up on an answer after this long; the gateway's own deadline (30 s) comes first. */
const CLIENT_TIMEOUT_MS = 35_000;
/** Memory has levelled off when it grew less than this between the middle and the end. */
const LEVEL_OFF_GROWTH = 0.2;
const CALLER_TOKENS = [DEMO_ADMIN_TOKEN, DEVELOPER_TOKEN, VIEWER_TOKEN];
const MISSING_DIGEST = `sha256:${'0'.repeat(64)}`;

type Kind = 'ok' | 'NOT_FOUND' | 'FORBIDDEN' | 'UPSTREAM_UNAVAILABLE' | 'other';
const KINDS: readonly Kind[] = ['ok', 'NOT_FOUND', 'FORBIDDEN', 'UPSTREAM_UNAVAILABLE', 'other'];
type Operation = 'imageStream' | 'imageStreamImage' | 'navigation' | 'image' | 'REST imagestreamimages';
/** Relative frequency of each operation in the mix. */
const MIX: ReadonlyArray<[Operation, number]> = [
  ['imageStream', 25],
  ['imageStreamImage', 20],
  ['navigation', 20],
  ['image', 10],
  ['REST imagestreamimages', 25],
];

interface Stream {
  namespace: string;
  name: string;
  /** Tags with their history's image digests, newest first. */
  tags: Array<{ tag: string; images: string[] }>;
}

/** One request as sent: what it asked for, so that the answer can be checked against it. */
interface Request {
  operation: Operation;
  namespace?: string;
  name: string;
  stream?: string;
  tag?: string;
}

interface Outcome {
  kind: Kind;
  /** For `other`: the code or status seen; for UPSTREAM_UNAVAILABLE: why (timeout, the upstream's 503). */
  detail?: string;
  /** Problems found in the data of the answer; empty when it is right. */
  wrong: string[];
  /** Whether the answer carried data that was checked. */
  checked: boolean;
}

const QUERIES = {
  imageStream: 'query($ns: String!, $name: String!) { imageStream(namespace: $ns, name: $name) { metadata { name namespace uid } status { tags { tag } } } }',
  imageStreamImage:
    'query($ns: String!, $name: String!) { imageStreamImage(namespace: $ns, name: $name) { metadata { name namespace } image { metadata { name } dockerImageReference } } }',
  navigation:
    'query($ns: String!, $name: String!, $tag: String!) { imageStream(namespace: $ns, name: $name) { metadata { name namespace } tag(name: $tag) { items { image imageStreamImage { metadata { name namespace } imageStream { metadata { name namespace } } } } } } }',
  image: 'query($name: String!) { image(name: $name) { metadata { name } dockerImageReference } }',
} as const;

async function main(): Promise<void> {
  const hardStop = setTimeout(() => {
    console.error(`soak: still running ${SECONDS + 60} s after it started; giving up`);
    process.exit(2);
  }, (SECONDS + 60) * 1000);
  hardStop.unref();

  const demo = await startDemoCluster();
  const kube = await createKubeClient(kubeConfigForServer(demo.url, DEMO_ADMIN_TOKEN), { timeoutMs: UPSTREAM_TIMEOUT_MS, retries: 2 });
  const gateway = await startServer({ host: '127.0.0.1', port: 0, kube, lendCredentials: false, concurrency: 16, listThreshold: 10 });
  // The catalogue is read before the faults are switched on, so that it is complete.
  const streams = await catalogue(kube);
  demo.faults = FAULTS;
  const client = new Pool(gateway.url, { connections: CLIENTS, headersTimeout: CLIENT_TIMEOUT_MS, bodyTimeout: CLIENT_TIMEOUT_MS });

  const tally = new Map<Operation, { kinds: Record<Kind, number>; latencies: number[] }>(
    MIX.map(([operation]) => [operation, { kinds: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>, latencies: [] }]),
  );
  const others = new Map<string, number>();
  const unavailable = new Map<string, number>();
  const wrongs = new Map<string, number>();
  let checked = 0;
  let wrong = 0;

  const memory = { start: process.memoryUsage().rss, middle: 0, end: 0, peak: 0 };
  const started = performance.now();
  const endAt = started + SECONDS * 1000;
  const middle = setTimeout(() => (memory.middle = process.memoryUsage().rss), (SECONDS * 1000) / 2);
  const sampler = setInterval(() => (memory.peak = Math.max(memory.peak, process.memoryUsage().rss)), 1000);

  async function run(id: number): Promise<void> {
    const token = CALLER_TOKENS[id % CALLER_TOKENS.length]!;
    const rights = DEMO_TOKENS.find((t) => t.token === token)!;
    const random = mulberry32(SEED * 1000 + id);
    while (performance.now() < endAt) {
      const request = pick(random, streams, rights);
      const sent = performance.now();
      const outcome = await send(client, token, request).catch((error: unknown): Outcome => ({
        kind: 'other',
        detail: `client error ${(error as { code?: string }).code ?? String(error)}`,
        wrong: [],
        checked: false,
      }));
      const entry = tally.get(request.operation)!;
      entry.latencies.push(performance.now() - sent);
      entry.kinds[outcome.kind]++;
      if (outcome.kind === 'other') others.set(outcome.detail ?? '?', (others.get(outcome.detail ?? '?') ?? 0) + 1);
      if (outcome.kind === 'UPSTREAM_UNAVAILABLE') unavailable.set(outcome.detail ?? '?', (unavailable.get(outcome.detail ?? '?') ?? 0) + 1);
      // A refusal of what the token may read is wrong as well, if not a leak.
      if (outcome.kind === 'FORBIDDEN' && mayRead(rights, request)) outcome.wrong.push('FORBIDDEN though the token may read it');
      if (outcome.checked) checked++;
      if (outcome.wrong.length > 0) {
        wrong++;
        for (const problem of outcome.wrong) {
          const key = `${rights.user}: ${problem}`;
          wrongs.set(key, (wrongs.get(key) ?? 0) + 1);
        }
      }
    }
  }

  await Promise.all(Array.from({ length: CLIENTS }, (_, id) => run(id)));
  const elapsed = (performance.now() - started) / 1000;
  memory.end = process.memoryUsage().rss;
  memory.peak = Math.max(memory.peak, memory.end);
  clearTimeout(middle);
  clearInterval(sampler);
  const upstream = { received: demo.requests.length, retries: kube.stats().retries };

  await client.close();
  await gateway.stop();
  await demo.stop();
  await kube.close();

  const growth = memory.middle > 0 ? (memory.end - memory.middle) / memory.middle : NaN;
  const all = [...tally.values()];
  const served = all.reduce((sum, e) => sum + e.latencies.length, 0);
  const okCount = all.reduce((sum, e) => sum + e.kinds.ok, 0);
  const lines: string[] = [];
  lines.push(
    `Soak: ${SECONDS} s, ${CLIENTS} clients (tokens demo-admin, developer, viewer in turn), seed ${SEED}; ` +
      `demo faults ${JSON.stringify({ errorRate: FAULTS.errorRate, hangRate: FAULTS.hangRate, spikeRate: FAULTS.spikeRate, spikeMs: FAULTS.spikeMs })}, ` +
      `upstream timeout ${UPSTREAM_TIMEOUT_MS} ms, 2 retries; Node ${process.version}, one process.`,
    '',
    `| request | served | ${KINDS.join(' | ')} | p50 ms | p99 ms |`,
    `| --- | ---: | ${KINDS.map(() => '---:').join(' | ')} | ---: | ---: |`,
  );
  for (const [operation, entry] of tally) lines.push(row(operation, entry.kinds, entry.latencies));
  const totalKinds = Object.fromEntries(KINDS.map((k) => [k, all.reduce((sum, e) => sum + e.kinds[k], 0)])) as Record<Kind, number>;
  lines.push(row('**all**', totalKinds, all.flatMap((e) => e.latencies)));
  lines.push(
    '',
    '| measure | value |',
    '| --- | --- |',
    `| requests served | ${served} (${Math.round(served / elapsed)}/s over ${elapsed.toFixed(1)} s) |`,
    `| upstream requests received by the demo cluster | ${upstream.received} (${upstream.retries} of them retries) |`,
    `| answers with data checked against the caller's rights | ${checked} |`,
    `| **wrong answers** | **${wrong}** |`,
    `| RSS start / middle / end (peak) | ${mb(memory.start)} / ${mb(memory.middle)} / ${mb(memory.end)} (${mb(memory.peak)}) MB |`,
    `| memory levelled off (end vs middle < +${LEVEL_OFF_GROWTH * 100}%) | ${Number.isNaN(growth) ? 'n/a' : `${growth < LEVEL_OFF_GROWTH ? 'yes' : 'no'} (${signed(growth * 100)}%)`} |`,
  );
  if (unavailable.size > 0) lines.push('', `UPSTREAM_UNAVAILABLE: ${[...unavailable].map(([detail, n]) => `${detail} × ${n}`).join(', ')}`);
  if (others.size > 0) lines.push('', `other: ${[...others].map(([detail, n]) => `${detail} × ${n}`).join(', ')}`);
  if (wrongs.size > 0) lines.push('', 'wrong answers:', ...[...wrongs].map(([problem, n]) => `- ${problem} × ${n}`));
  console.log(lines.join('\n'));

  if (wrong > 0) process.exitCode = 1;
  // A soak in which nothing succeeded measured nothing.
  if (okCount === 0) {
    console.error('soak: no request succeeded');
    process.exitCode = 1;
  }
}

/** Every stream of every namespace, with its tags' history, read with the admin token. */
async function catalogue(kube: Awaited<ReturnType<typeof createKubeClient>>): Promise<Stream[]> {
  const list = (await kube.getPath('/apis/image.openshift.io/v1/imagestreams', { auth: { kind: 'gateway' } })) as ImageStreamList;
  const streams = list.items.map((s) => ({
    namespace: s.metadata.namespace ?? '',
    name: s.metadata.name ?? '',
    tags: (s.status?.tags ?? []).map((t) => ({ tag: t.tag, images: (t.items ?? []).map((i) => i.image) })),
  }));
  if (streams.length === 0) throw new Error('the demo cluster has no image streams to ask for');
  return streams;
}

/**
 * The next request of a caller: mostly in the namespaces its token may read, a quarter of the
 * time anywhere (to be refused), with a few names that do not exist.
 */
function pick(random: () => number, streams: Stream[], rights: DemoToken): Request {
  const own = rights.namespaces === '*' ? streams : streams.filter((s) => (rights.namespaces as string[]).includes(s.namespace));
  const pool = own.length > 0 && random() < 0.75 ? own : streams;
  const stream = pool[Math.floor(random() * pool.length)]!;
  const tag = stream.tags.length > 0 ? stream.tags[Math.floor(random() * stream.tags.length)] : undefined;
  const image = tag && tag.images.length > 0 ? tag.images[Math.floor(random() * tag.images.length)]! : MISSING_DIGEST;
  const missing = random() < 0.05;
  const digest = missing ? MISSING_DIGEST : image;
  let weight = random() * MIX.reduce((sum, [, w]) => sum + w, 0);
  const operation = MIX.find(([, w]) => (weight -= w) < 0)?.[0] ?? 'imageStream';
  switch (operation) {
    case 'imageStream':
      return { operation, namespace: stream.namespace, name: missing ? 'no-such-stream' : stream.name };
    case 'navigation':
      return { operation, namespace: stream.namespace, name: stream.name, stream: stream.name, tag: tag?.tag ?? 'latest' };
    case 'image':
      return { operation, name: digest };
    default:
      return { operation, namespace: stream.namespace, name: `${stream.name}@${digest}`, stream: stream.name };
  }
}

/** Whether the token may read what `request` asks for (the demo cluster's RBAC, demo-tokens.ts). */
function mayRead(rights: DemoToken, request: Request): boolean {
  if (request.operation === 'image') return rights.images;
  return mayReadNamespace(rights, request.namespace ?? '');
}

function mayReadNamespace(rights: DemoToken, namespace: string): boolean {
  return rights.namespaces === '*' || rights.namespaces.includes(namespace);
}

async function send(client: Pool, token: string, request: Request): Promise<Outcome> {
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const rights = DEMO_TOKENS.find((t) => t.token === token)!;
  if (request.operation === 'REST imagestreamimages') {
    const path = `/apis/image.openshift.io/v1/namespaces/${request.namespace}/imagestreamimages/${encodeURIComponent(request.name)}`;
    const response = await client.request({ path, method: 'GET', headers });
    const body = (await response.body.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    const status = response.statusCode;
    if (status !== 200) {
      const kind: Kind = status === 404 ? 'NOT_FOUND' : status === 403 ? 'FORBIDDEN' : status === 503 || status === 504 || status === 429 ? 'UPSTREAM_UNAVAILABLE' : 'other';
      // The gateway answers 504 for a timed-out upstream call and passes the upstream's own 503/429 through.
      const detail = status === 504 ? 'timeout' : kind === 'UPSTREAM_UNAVAILABLE' ? `upstream ${status}` : `HTTP ${status}`;
      return { kind, detail, wrong: [], checked: false };
    }
    return { kind: 'ok', wrong: checkData(rights, request, body), checked: true };
  }

  const variables =
    request.operation === 'image'
      ? { name: request.name }
      : request.operation === 'navigation'
        ? { ns: request.namespace, name: request.name, tag: request.tag }
        : { ns: request.namespace, name: request.name };
  const operation = request.operation === 'navigation' ? 'navigation' : request.operation;
  const response = await client.request({
    path: '/graphql',
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERIES[operation], variables }),
  });
  const body = (await response.body.json().catch(() => undefined)) as
    | { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: string; reason?: string; kubernetes?: { code?: number } } }> }
    | undefined;
  const root = request.operation === 'navigation' ? 'imageStream' : request.operation;
  const data = body?.data?.[root];
  // Data that came back is checked even when errors came with it (a partly failed navigation).
  const wrong = data ? checkData(rights, request, data) : [];
  const extensions = body?.errors?.[0]?.extensions;
  const code = extensions?.code;
  if (code !== undefined) {
    const kind: Kind = code === 'NOT_FOUND' || code === 'FORBIDDEN' || code === 'UPSTREAM_UNAVAILABLE' ? code : 'other';
    const detail = kind !== 'UPSTREAM_UNAVAILABLE' ? code : extensions?.reason ?? `upstream ${extensions?.kubernetes?.code ?? '?'}`;
    return { kind, detail, wrong, checked: Boolean(data) };
  }
  if (!data) return { kind: 'other', detail: `HTTP ${response.statusCode}, ${body ? 'null without an error' : 'not JSON'}`, wrong, checked: false };
  return { kind: 'ok', wrong, checked: true };
}

/**
 * What is wrong with `data` as an answer to `request` for a caller with `rights`: an object of a
 * namespace the token may not read, a cluster-scoped image without the right to images, or an
 * object other than the one asked for (what a cache shared between callers would produce).
 */
function checkData(rights: DemoToken, request: Request, data: unknown): string[] {
  const problems: string[] = [];
  if (request.operation === 'image' && !rights.images) problems.push('a cluster-scoped image without the images right');
  for (const namespace of namespacesIn(data)) {
    if (!mayReadNamespace(rights, namespace)) problems.push(`data of namespace ${namespace}, outside the token's namespaces`);
  }
  const meta = (data as { metadata?: { name?: string; namespace?: string } }).metadata;
  if (request.operation !== 'image' && meta?.namespace !== request.namespace) problems.push(`namespace ${meta?.namespace} asked ${request.namespace}`);
  if (meta?.name !== request.name) problems.push(`${request.operation} named ${meta?.name}, asked ${request.name}`);
  if (request.operation === 'navigation') {
    const items = (data as { tag?: { items?: Array<{ image: string; imageStreamImage?: { metadata: { name?: string } } | null }> } | null }).tag?.items ?? [];
    for (const item of items) {
      const name = item.imageStreamImage?.metadata.name;
      if (name !== undefined && name !== `${request.stream}@${item.image}`) problems.push(`history image named ${name}, expected ${request.stream}@${item.image}`);
    }
  }
  return problems;
}

/** Every `metadata.namespace` in a JSON value. */
function namespacesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) namespacesIn(item, found);
  else if (value && typeof value === 'object') {
    const namespace = (value as { metadata?: { namespace?: unknown } }).metadata?.namespace;
    if (typeof namespace === 'string' && namespace !== '') found.add(namespace);
    for (const child of Object.values(value)) namespacesIn(child, found);
  }
  return found;
}

function row(label: string, kinds: Record<Kind, number>, latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `| ${label} | ${latencies.length} | ${KINDS.map((k) => kinds[k]).join(' | ')} | ${percentile(sorted, 0.5)} | ${percentile(sorted, 0.99)} |`;
}

/** Nearest-rank percentile of sorted values, rounded to a millisecond. */
function percentile(sorted: number[], p: number): string {
  if (sorted.length === 0) return '-';
  return String(Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!));
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

function signed(n: number): string {
  return `${n >= 0 ? '+' : ''}${n.toFixed(1)}`;
}

function positiveInteger(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    console.error(`soak: ${name} must be a positive integer, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return Number(value);
}

main().catch((error: unknown) => {
  console.error('soak failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(2);
});
