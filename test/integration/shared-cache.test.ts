// Two replicas behind one Service share one Redis: what one fetched the other serves with no
// upstream call, to the same caller only; Redis dying costs nothing but the sharing, and the
// sharing comes back with it.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import pino from 'pino';
import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import { DEMO_ADMIN_TOKEN, DEVELOPER_TOKEN, VIEWER_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { buildGatewaySchema } from '../../src/graphql/build-gateway-schema';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { createKubeClient, type HttpKubeClient } from '../../src/kube/http-kube-client';
import { GatewayMetrics } from '../../src/metrics';
import { startServer, type RunningServer } from '../../src/server';
import { startRedisServer, type RedisServer } from '../helpers/redis-server';

const SECRET = 'the secret every replica shares, 32+ chars';
const ML = SAMPLES.bigLayerImage;
const isiQuery = (namespace: string, name: string) => `{ imageStreamImage(namespace: "${namespace}", name: "${name}") { metadata { name } image { dockerImageLayers { size } } } }`;
const TEAM_A = isiQuery('team-a', `${ML.stream}@${ML.digest}`);

interface Replica {
  server: RunningServer;
  kube: HttpKubeClient;
  metrics: GatewayMetrics;
  logged: Array<{ level: number; msg: string }>;
}

let redis: RedisServer;
let demo: DemoCluster;
let replicas: Replica[];

async function startReplica(redisUrl: string): Promise<Replica> {
  const logged: Replica['logged'] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logged.push(JSON.parse(line) as Replica['logged'][number]);
      done();
    },
  });
  const metrics = new GatewayMetrics();
  const kube = await createKubeClient(kubeConfigForServer(demo.url, DEMO_ADMIN_TOKEN), { timeoutMs: 5000, onRequest: metrics.observeUpstream });
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    kube,
    lendCredentials: false,
    concurrency: 32,
    listThreshold: 10,
    schema: await buildGatewaySchema(),
    metrics,
    logger: pino({ level: 'info' }, sink),
    cache: { ttlMs: 60_000, imageTtlMs: 60_000, maxBytes: 16_777_216 },
    cacheKeySecret: SECRET,
    redisUrl,
  });
  return { server, kube, metrics, logged };
}

async function graphql(replica: Replica, token: string, body: Record<string, unknown>) {
  const response = await fetch(`${replica.server.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

/** Upstream resource requests the demo cluster received while `work` ran. */
async function upstreamDuring(work: () => Promise<unknown>): Promise<string[]> {
  demo.resetRequests();
  await work();
  return demo.requests.map((request) => `${request.user ?? 'anonymous'} ${request.url}`).filter((line) => line.includes('/apis/image.openshift.io/'));
}

/** The shared tier is written after the answer has gone; wait until Redis holds `count` answers. */
async function untilStored(count: number): Promise<void> {
  const client = new Redis(redis.url);
  try {
    for (let tries = 0; tries < 100 && (await client.keys('isgw:v1:*')).length < count; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    client.disconnect();
  }
}

async function metric(replica: Replica, name: string): Promise<number> {
  const text = await replica.metrics.registry.metrics();
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  redis = await startRedisServer();
  demo = await startDemoCluster();
  replicas = [await startReplica(redis.url), await startReplica(redis.url)];
  await until(async () => (await metric(replicas[0]!, 'gateway_shared_cache_up')) === 1 && (await metric(replicas[1]!, 'gateway_shared_cache_up')) === 1, 'both replicas to reach Redis');
});
afterAll(async () => {
  for (const replica of replicas ?? []) {
    await replica.server.stop();
    await replica.kube.close();
  }
  await demo?.stop();
  await redis?.stop();
});

test('the second replica answers a query the first made with zero upstream calls', async () => {
  const [a, b] = replicas as [Replica, Replica];
  const first = await graphql(a, DEVELOPER_TOKEN, { query: TEAM_A });
  expect(first.errors).toBeUndefined();
  await untilStored(1);
  const second: { body?: unknown } = {};
  expect(await upstreamDuring(async () => (second.body = await graphql(b, DEVELOPER_TOKEN, { query: TEAM_A })))).toEqual([]);
  expect(second.body).toEqual(first);
});

test('another caller is not served that entry: the viewer, who may not read team-a, is refused by the API server itself', async () => {
  const [, b] = replicas as [Replica, Replica];
  const answer: { errors?: Array<{ extensions?: { code?: string } }> } = {};
  const calls = await upstreamDuring(async () => Object.assign(answer, await graphql(b, VIEWER_TOKEN, { query: TEAM_A })));
  expect(calls).toEqual([`viewer /apis/image.openshift.io/v1/namespaces/team-a/imagestreamimages/${ML.stream}@${ML.digest}`]);
  expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

test('a persisted query registered on one replica runs by its hash alone on the other', async () => {
  const [a, b] = replicas as [Replica, Replica];
  const query = '{ imageStreams(namespace: "demo", first: 2) { edges { node { metadata { name } } } } }';
  const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
  expect((await graphql(b, DEVELOPER_TOKEN, { extensions: { persistedQuery } })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect((await graphql(a, DEVELOPER_TOKEN, { query, extensions: { persistedQuery } })).errors).toBeUndefined();
  const byHash = await graphql(b, DEVELOPER_TOKEN, { extensions: { persistedQuery } });
  expect(byHash.errors).toBeUndefined();
  expect(byHash.data).toEqual({ imageStreams: { edges: [{ node: { metadata: { name: 'big' } } }, { node: { metadata: { name: 'frontend' } } }] } });
});

test('with Redis killed, answers keep coming from upstream with no error, one log line says so; once it is back, sharing resumes', async () => {
  const [a, b] = replicas as [Replica, Replica];
  await redis.kill();
  await until(async () => (await metric(b, 'gateway_shared_cache_up')) === 0, 'replica b to see Redis down');
  const ruby = isiQuery('demo', `ruby@${SAMPLES.storedManifestImage.digest}`);
  const calls = await upstreamDuring(async () => {
    for (const replica of [b, a, b, a]) expect((await graphql(replica, DEVELOPER_TOKEN, { query: ruby })).errors).toBeUndefined();
  });
  // Each replica asked once (then its own memory answered): neither could share with the other.
  expect(calls).toHaveLength(2);
  expect(b.logged.filter((line) => line.msg.startsWith('shared cache unreachable'))).toHaveLength(1);
  expect(b.logged.find((line) => line.msg.startsWith('shared cache unreachable'))?.level).toBe(40);

  await redis.restart();
  await until(async () => (await metric(a, 'gateway_shared_cache_up')) === 1 && (await metric(b, 'gateway_shared_cache_up')) === 1, 'both replicas to reconnect');
  expect(b.logged.filter((line) => line.msg.startsWith('shared cache: connected'))).toHaveLength(2);
  const python = isiQuery(SAMPLES.signedImage.namespace, `${SAMPLES.signedImage.stream}@${SAMPLES.signedImage.digest}`);
  await graphql(a, DEMO_ADMIN_TOKEN, { query: python });
  await untilStored(1);
  expect(await upstreamDuring(() => graphql(b, DEMO_ADMIN_TOKEN, { query: python }))).toEqual([]);
});
