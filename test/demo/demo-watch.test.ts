import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import { VIEWER_TOKEN } from '../../src/demo/demo-tokens';
import { body, IMAGE_API, request } from './demo-client';
import { until } from '../helpers/until';
import { openWatch } from '../helpers/watch-lines';

const DEMO_STREAMS = `${IMAGE_API}/namespaces/demo/imagestreams`;

interface List {
  metadata: { resourceVersion: string };
  items: Array<{ metadata: { name: string; resourceVersion: string }; status: { tags?: Array<{ tag: string; items: Array<{ image: string }> | null }> } }>;
}

let cluster: DemoCluster;
beforeEach(async () => {
  cluster = await startDemoCluster({ bookmarkIntervalMs: 20, compactionIntervalMs: 0 });
});
afterEach(() => cluster.stop());

const listRv = async (): Promise<string> => body<List>(await request(cluster.url, DEMO_STREAMS)).metadata.resourceVersion;

test('a watch from a list resourceVersion gets exactly the later change of its namespace, then bookmarks at the new revision', async () => {
  const rv = await listRv();
  const watch = await openWatch(cluster.url, `${DEMO_STREAMS}?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true`);
  expect(watch.status).toBe(200);
  const pushed = cluster.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
  cluster.changes.pushImage({ namespace: 'team-a', stream: 'api', tag: 'latest' });
  await until('a bookmark after the change', () => watch.events.some((e) => e.type === 'BOOKMARK' && Number(e.object.metadata?.resourceVersion) === Number(rv) + 4));
  const changes = watch.events.filter((e) => e.type !== 'BOOKMARK');
  expect(changes.map((e) => [e.type, e.object.metadata?.name, e.object.metadata?.resourceVersion])).toEqual([['MODIFIED', 'frontend', String(Number(rv) + 2)]]);
  expect(changes[0]?.object.status?.tags?.find((t) => t.tag === 'latest')?.items?.[0]?.image).toBe(pushed.digest);
  watch.close();
  await until('the watch to close', () => cluster.watches.open.length === 0);
});

test('without a resourceVersion a watch starts with every stream of the namespace as ADDED', async () => {
  const streams = body<List>(await request(cluster.url, DEMO_STREAMS)).items.map((s) => s.metadata.name);
  const watch = await openWatch(cluster.url, `${DEMO_STREAMS}?watch=1`);
  await until('the initial events', () => watch.events.length === streams.length);
  expect(watch.events.map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(streams.map((name) => `ADDED ${name}`));
  watch.close();
});

test('fieldSelector=metadata.name= narrows a watch to one stream; created and deleted streams arrive as ADDED and DELETED', async () => {
  const rv = await listRv();
  const one = await openWatch(cluster.url, `${DEMO_STREAMS}?watch=1&resourceVersion=${rv}&fieldSelector=${encodeURIComponent('metadata.name=fresh')}`);
  const all = await openWatch(cluster.url, `${DEMO_STREAMS}?watch=1&resourceVersion=${rv}`);
  cluster.changes.pushImage({ namespace: 'demo', stream: 'ruby', tag: 'latest' });
  cluster.changes.createStream({ namespace: 'demo', name: 'fresh' });
  cluster.changes.deleteStream({ namespace: 'demo', name: 'fresh' });
  await until('three events', () => all.events.length === 3);
  expect(all.events.map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(['MODIFIED ruby', 'ADDED fresh', 'DELETED fresh']);
  await until('two events', () => one.events.length === 2);
  expect(one.events.map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(['ADDED fresh', 'DELETED fresh']);
  expect(cluster.watches.open.map((w) => w.name ?? '*').sort()).toEqual(['*', 'fresh']);
  one.close();
  all.close();
});

test('a watch from a revision before the last compaction gets one ERROR event with 410 Expired and ends', async () => {
  const rv = await listRv();
  cluster.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
  cluster.changes.compact();
  const watch = await openWatch(cluster.url, `${DEMO_STREAMS}?watch=1&resourceVersion=${rv}`);
  await until('the end of the answer', () => watch.ended);
  expect(watch.events).toEqual([
    {
      type: 'ERROR',
      object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${rv} (${Number(rv) + 2})`, reason: 'Expired', code: 410 },
    },
  ]);
});

test('a list at an exact resourceVersion is the namespace as it was then, and 410 once compacted', async () => {
  const before = body<List>(await request(cluster.url, DEMO_STREAMS));
  const pushed = cluster.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
  const then = body<List>(await request(cluster.url, `${DEMO_STREAMS}?resourceVersion=${before.metadata.resourceVersion}&resourceVersionMatch=Exact`));
  expect(then).toEqual(before);
  const now = body<List>(await request(cluster.url, DEMO_STREAMS));
  expect(now.items.find((s) => s.metadata.name === 'frontend')?.status.tags?.[0]?.items?.[0]?.image).toBe(pushed.digest);
  cluster.changes.compact();
  const gone = await request(cluster.url, `${DEMO_STREAMS}?resourceVersion=${before.metadata.resourceVersion}&resourceVersionMatch=Exact`);
  expect(gone.status).toBe(410);
});

test('a dropped watch is resumed from its last resourceVersion with nothing lost or repeated', async () => {
  const rv = await listRv();
  const first = await openWatch(cluster.url, `${DEMO_STREAMS}?watch=1&resourceVersion=${rv}`);
  cluster.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
  await until('the first change', () => first.events.length === 1);
  cluster.watches.drop();
  await until('the drop', () => first.ended && cluster.watches.open.length === 0);
  cluster.changes.pushImage({ namespace: 'demo', stream: 'ruby', tag: 'latest' });
  const last = first.events[0]?.object.metadata?.resourceVersion ?? '';
  const second = await openWatch(cluster.url, `${DEMO_STREAMS}?watch=1&resourceVersion=${last}`);
  await until('the second change', () => second.events.length === 1);
  expect(second.events.map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(['MODIFIED ruby']);
  expect(cluster.watches.opened).toBe(2);
  second.close();
});

test('a caller who may not list may not watch: 403, and no watch opened', async () => {
  const answer = await request(cluster.url, `${DEMO_STREAMS}?watch=1`, { token: VIEWER_TOKEN });
  expect(answer.status).toBe(403);
  expect((answer.json as { message: string }).message).toBe('imagestreams.image.openshift.io is forbidden: User "viewer" cannot watch resource "imagestreams" in API group "image.openshift.io" in the namespace "demo"');
  expect(cluster.watches.opened).toBe(0);
});

test('churn pushes a new image to demo/frontend:latest on its timer', async () => {
  await cluster.stop();
  cluster = await startDemoCluster({ churnIntervalMs: 20 });
  const rv = await listRv();
  const watch = await openWatch(cluster.url, `${DEMO_STREAMS}?watch=1&resourceVersion=${rv}`);
  await until('two pushes', () => watch.events.length >= 2);
  expect(watch.events.slice(0, 2).map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(['MODIFIED frontend', 'MODIFIED frontend']);
  const digests = watch.events.slice(0, 2).map((e) => e.object.status?.tags?.find((t) => t.tag === 'latest')?.items?.[0]?.image);
  expect(new Set(digests).size).toBe(2);
  watch.close();
});
