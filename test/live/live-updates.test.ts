import { DEVELOPER_TOKEN, OUTSIDER_TOKEN, VIEWER_TOKEN, DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { subscribeSse, subscribeWs, type Received } from '../helpers/live-client';
import { until } from '../helpers/until';

// Subscriptions over real WebSocket and SSE connections against the demo cluster: every count
// of upstream watches is the demo cluster's own.

const CHANGED = /* GraphQL */ `
  subscription Changed($namespace: String!, $name: String, $resourceVersion: String) {
    imageStreamChanged(namespace: $namespace, name: $name, resourceVersion: $resourceVersion) {
      type
      changedTags
      imageStream {
        metadata { name resourceVersion }
        status { tags { tag items { image } } }
      }
    }
  }
`;

interface Changed {
  imageStreamChanged: {
    type: string;
    changedTags: string[];
    imageStream: { metadata: { name: string; resourceVersion: string }; status: { tags: Array<{ tag: string; items: Array<{ image: string }> | null }> | null } };
  };
}

const summary = (received: Received<Changed>) => received.data.map((d) => `${d.imageStreamChanged.type} ${d.imageStreamChanged.imageStream.metadata.name} [${d.imageStreamChanged.changedTags.join(',')}]`);
const firstImageOf = (event: Changed, tag: string) => event.imageStreamChanged.imageStream.status.tags?.find((t) => t.tag === tag)?.items?.[0]?.image;

let harness: Harness;
const open: Array<Received<unknown>> = [];
const track = <T>(received: Received<T>): Received<T> => {
  open.push(received as Received<unknown>);
  return received;
};

beforeEach(async () => {
  harness = await startHarness({ demo: { compactionIntervalMs: 0, bookmarkIntervalMs: 50 }, server: { live: { watchRetryBaseMs: 5 } } });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((received) => received.close()));
  await harness.stop();
});

const watchesOpen = () => harness.demo.watches.open.length;

test('a push into the demo cluster arrives over WebSocket as exactly one MODIFIED of tag latest, the new digest first in its history', async () => {
  const received = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, { token: DEVELOPER_TOKEN }));
  await until('the upstream watch', () => watchesOpen() === 1);
  const pushed = harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
  await until('one event', () => received.data.length === 1);
  // A second change proves nothing else came in between.
  harness.demo.changes.pushImage({ namespace: 'demo', stream: 'ruby', tag: '3.3' });
  await until('two events', () => received.data.length === 2);
  expect(summary(received)).toEqual(['MODIFIED frontend [latest]', 'MODIFIED ruby [3.3]']);
  expect(firstImageOf(received.data[0]!, 'latest')).toBe(pushed.digest);
  expect(received.data[0]?.imageStreamChanged.imageStream.metadata.resourceVersion).toBe(pushed.stream.metadata.resourceVersion);
  expect(received.errors).toEqual([]);
  expect(harness.demo.watches.open.map((w) => [w.user, w.namespace])).toEqual([['developer', 'demo']]);
});

test('two subscriptions of one caller on one namespace share one upstream watch; another caller gets a watch of its own', async () => {
  const all = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, { token: DEVELOPER_TOKEN }));
  const one = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo', name: 'ruby' }, { token: DEVELOPER_TOKEN }));
  await until('both subscriptions', () => harness.gateway.live.stats().subscriptions === 2 && watchesOpen() === 1);
  harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
  harness.demo.changes.pushImage({ namespace: 'demo', stream: 'ruby', tag: 'latest' });
  await until('the events', () => all.data.length === 2 && one.data.length === 1);
  expect(summary(all)).toEqual(['MODIFIED frontend [latest]', 'MODIFIED ruby [latest]']);
  expect(summary(one)).toEqual(['MODIFIED ruby [latest]']);
  expect(harness.demo.watches.opened).toBe(1);
  const metrics = await (await fetch(`${harness.gateway.url}/metrics`)).text();
  expect(metrics.split('\n').filter((line) => /^gateway_(subscriptions|upstream_watches)_open /.test(line))).toEqual(['gateway_subscriptions_open 2', 'gateway_upstream_watches_open 1']);
  const admin = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, { token: DEMO_ADMIN_TOKEN }));
  await until('the second caller\'s watch', () => watchesOpen() === 2);
  expect(harness.demo.watches.open.map((w) => w.user).sort()).toEqual(['demo-admin', 'developer']);
  expect(harness.gateway.live.stats()).toEqual({ subscriptions: 3, watches: 2 });
  await admin.close();
});

test('closing the last subscription of a watch closes the upstream watch', async () => {
  const first = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, { token: DEVELOPER_TOKEN }));
  const second = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, { token: DEVELOPER_TOKEN }));
  await until('both subscriptions', () => harness.gateway.live.stats().subscriptions === 2 && watchesOpen() === 1);
  await first.close();
  await until('one subscription', () => harness.gateway.live.stats().subscriptions === 1);
  expect(watchesOpen()).toBe(1);
  await second.close();
  await until('the watch to close', () => watchesOpen() === 0);
  expect(harness.gateway.live.stats()).toEqual({ subscriptions: 0, watches: 0 });
});

test('a dropped upstream connection is resumed from the last resourceVersion: the next change arrives once', async () => {
  const received = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, { token: DEVELOPER_TOKEN }));
  await until('the upstream watch', () => watchesOpen() === 1);
  harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
  await until('one event', () => received.data.length === 1);
  harness.demo.watches.hold();
  harness.demo.watches.drop();
  await until('the drop', () => watchesOpen() === 0);
  const pushed = harness.demo.changes.pushImage({ namespace: 'demo', stream: 'ruby', tag: 'latest' });
  harness.demo.watches.release();
  await until('the second event', () => received.data.length === 2);
  harness.demo.changes.pushImage({ namespace: 'demo', stream: 'pending', tag: 'latest' });
  await until('the third event', () => received.data.length === 3);
  expect(summary(received)).toEqual(['MODIFIED frontend [latest]', 'MODIFIED ruby [latest]', 'MODIFIED pending [latest]']);
  expect(firstImageOf(received.data[1]!, 'latest')).toBe(pushed.digest);
  const resumed = harness.demo.requests.filter((r) => r.url.includes('watch=1')).map((r) => new URL(r.url, 'http://x').searchParams.get('resourceVersion'));
  expect(resumed.length).toBe(2);
  // The resumed watch starts after the first event (or a bookmark after it), never before it.
  expect(Number(resumed[1])).toBeGreaterThanOrEqual(Number(received.data[0]?.imageStreamChanged.imageStream.metadata.resourceVersion));
});

test('a 410 after a compaction lists again and delivers exactly the one real change, not every stream', async () => {
  const received = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, { token: DEVELOPER_TOKEN }));
  await until('the upstream watch', () => watchesOpen() === 1);
  harness.demo.watches.hold();
  harness.demo.watches.drop();
  await until('the drop', () => watchesOpen() === 0);
  const pushed = harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'stable' });
  harness.demo.changes.pushImage({ namespace: 'team-a', stream: 'api', tag: 'latest' });
  harness.demo.changes.compact();
  harness.demo.watches.release();
  await until('the event', () => received.data.length === 1);
  await until('a watch again', () => watchesOpen() === 1);
  harness.demo.changes.pushImage({ namespace: 'demo', stream: 'ruby', tag: 'latest' });
  await until('the next event', () => received.data.length === 2);
  expect(summary(received)).toEqual(['MODIFIED frontend [stable]', 'MODIFIED ruby [latest]']);
  expect(firstImageOf(received.data[0]!, 'stable')).toBe(pushed.digest);
  // The list, the watch, the watch met with 410, the list again, the watch after it.
  const calls = harness.upstreamCalls().filter((url) => url.startsWith('/apis/image.openshift.io/v1/namespaces/demo/imagestreams'));
  expect(calls.map((url) => (url.includes('watch=1') ? 'watch' : 'list'))).toEqual(['list', 'watch', 'watch', 'list', 'watch']);
});

test('a created and a removed stream arrive as ADDED with all its tags and DELETED', async () => {
  const received = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, { token: DEVELOPER_TOKEN }));
  await until('the upstream watch', () => watchesOpen() === 1);
  harness.demo.changes.createStream({ namespace: 'demo', name: 'fresh' });
  harness.demo.changes.pushImage({ namespace: 'demo', stream: 'fresh', tag: 'v1' });
  harness.demo.changes.deleteStream({ namespace: 'demo', name: 'frontend' });
  await until('three events', () => received.data.length === 3);
  expect(summary(received)).toEqual(['ADDED fresh []', 'MODIFIED fresh [v1]', 'DELETED frontend [latest,stable]']);
});

test('a caller who may not watch the namespace gets FORBIDDEN, no events, and no watch stays open', async () => {
  const viewer = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, { token: VIEWER_TOKEN }));
  const outsider = track(subscribeSse<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, OUTSIDER_TOKEN));
  await until('both to end', () => viewer.completed && outsider.completed);
  expect(viewer.errors.map((errors) => errors.map((e) => e.extensions?.code))).toEqual([['FORBIDDEN']]);
  expect(outsider.errors.map((errors) => errors.map((e) => e.extensions?.code))).toEqual([['FORBIDDEN']]);
  expect(viewer.data).toEqual([]);
  expect(outsider.data).toEqual([]);
  expect(harness.demo.watches.opened).toBe(0);
  expect(harness.gateway.live.stats()).toEqual({ subscriptions: 0, watches: 0 });
});

test('the resourceVersion a query returned resumes exactly there: the change made in between arrives, once', async () => {
  const page = await harness.graphql<{ imageStreams: { resourceVersion: string } }>('query { imageStreams(namespace: "demo") { resourceVersion } }', {}, DEVELOPER_TOKEN);
  const from = page.body.data?.imageStreams.resourceVersion ?? '';
  expect(from).toBe(harness.demo.changes.resourceVersion);
  const pushed = harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
  const received = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo', resourceVersion: from }, { token: DEVELOPER_TOKEN }));
  await until('the change made in between', () => received.data.length === 1);
  await until('the upstream watch', () => watchesOpen() === 1);
  harness.demo.changes.pushImage({ namespace: 'demo', stream: 'ruby', tag: 'latest' });
  await until('the next change', () => received.data.length === 2);
  expect(summary(received)).toEqual(['MODIFIED frontend [latest]', 'MODIFIED ruby [latest]']);
  expect(firstImageOf(received.data[0]!, 'latest')).toBe(pushed.digest);
});

test('over SSE a push arrives as one MODIFIED event, the token in the Authorization header', async () => {
  const received = track(subscribeSse<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo', name: 'frontend' }, DEVELOPER_TOKEN));
  await until('the upstream watch', () => watchesOpen() === 1);
  const pushed = harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
  harness.demo.changes.pushImage({ namespace: 'demo', stream: 'ruby', tag: 'latest' });
  harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'stable' });
  await until('two events', () => received.data.length === 2);
  expect(summary(received)).toEqual(['MODIFIED frontend [latest]', 'MODIFIED frontend [stable]']);
  expect(firstImageOf(received.data[0]!, 'latest')).toBe(pushed.digest);
  expect(harness.demo.watches.open.map((w) => w.user)).toEqual(['developer']);
});

test('a token the API server does not accept ends the subscription with UNAUTHENTICATED', async () => {
  const received = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, { token: 'no-such-token' }));
  await until('the end', () => received.completed);
  expect(received.errors.map((errors) => errors.map((e) => e.extensions?.code))).toEqual([['UNAUTHENTICATED']]);
  expect(received.data).toEqual([]);
});

test('an API server that goes away is retried within the bound, then the subscription ends with UPSTREAM_UNAVAILABLE', async () => {
  const received = track(subscribeWs<Changed>(harness.gateway.url, CHANGED, { namespace: 'demo' }, { token: DEVELOPER_TOKEN }));
  await until('the upstream watch', () => watchesOpen() === 1);
  await harness.demo.stop();
  await until('the end', () => received.completed, 10_000);
  expect(received.errors.map((errors) => errors.map((e) => e.extensions?.code))).toEqual([['UPSTREAM_UNAVAILABLE']]);
  expect(received.errors[0]?.[0]?.message).toBe('the Kubernetes API server cannot be reached; try again later');
  expect(harness.gateway.live.stats()).toEqual({ subscriptions: 0, watches: 0 });
});

test('each event\'s navigation fields are read with fresh loaders: the stream reached through the new image is the event\'s own', async () => {
  const NAVIGATION = `subscription { imageStreamChanged(namespace: "demo", name: "frontend") {
    imageStream { metadata { resourceVersion } tag(name: "latest") { latest { image imageStreamImage { image { metadata { name } } imageStream { metadata { resourceVersion } } } } } }
  } }`;
  type Navigated = { imageStreamChanged: { imageStream: { metadata: { resourceVersion: string }; tag: { latest: { image: string; imageStreamImage: { image: { metadata: { name: string } }; imageStream: { metadata: { resourceVersion: string } } } } } } } };
  const received = track(subscribeWs<Navigated>(harness.gateway.url, NAVIGATION, {}, { token: DEVELOPER_TOKEN }));
  await until('the upstream watch', () => watchesOpen() === 1);
  const first = harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
  await until('one event', () => received.data.length === 1);
  const second = harness.demo.changes.pushImage({ namespace: 'demo', stream: 'frontend', tag: 'latest' });
  await until('two events', () => received.data.length === 2);
  expect(received.errors).toEqual([]);
  expect(
    received.data.map((d) => {
      const stream = d.imageStreamChanged.imageStream;
      return [stream.metadata.resourceVersion, stream.tag.latest.image, stream.tag.latest.imageStreamImage.image.metadata.name, stream.tag.latest.imageStreamImage.imageStream.metadata.resourceVersion];
    }),
  ).toEqual([
    [first.stream.metadata.resourceVersion, first.digest, first.digest, first.stream.metadata.resourceVersion],
    [second.stream.metadata.resourceVersion, second.digest, second.digest, second.stream.metadata.resourceVersion],
  ]);
});
