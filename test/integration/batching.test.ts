import { BIG_STREAM } from '../../src/demo/sample-data';
import { StreamHistoryLayersDocument } from '../generated/graphql';
import { startHarness, type Harness } from '../helpers/gateway-harness';

// Wall-clock goals live in bench/batching.ts; these tests pin what makes them hold: how many
// upstream calls a query costs and how many are in flight at once.

describe(`a stream of ${BIG_STREAM.tags} tags x ${BIG_STREAM.entriesPerTag} history entries over ${BIG_STREAM.distinctImages} images, behind 50 ms of upstream latency`, () => {
  let harness: Harness;
  afterEach(() => harness.stop());

  test('fetches the distinct images concurrently, up to the default bound of 16 calls in flight', async () => {
    harness = await startHarness({ demo: { faults: { latencyMs: 50 } } });
    const { body } = await harness.run(StreamHistoryLayersDocument, { namespace: BIG_STREAM.namespace, name: BIG_STREAM.name });
    expect(body.errors).toBeUndefined();
    expect(harness.upstreamCalls()).toHaveLength(1 + BIG_STREAM.distinctImages);
    expect(harness.peakUpstreamInFlight()).toBe(16);
  });

  test('never has more calls in flight than UPSTREAM_CONCURRENCY allows', async () => {
    harness = await startHarness({ concurrency: 4, demo: { faults: { latencyMs: 50 } } });
    const { body } = await harness.run(StreamHistoryLayersDocument, { namespace: BIG_STREAM.namespace, name: BIG_STREAM.name });
    expect(body.errors).toBeUndefined();
    expect(harness.upstreamCalls()).toHaveLength(1 + BIG_STREAM.distinctImages);
    expect(harness.peakUpstreamInFlight()).toBe(4);
  });
});

describe('streams of one namespace reached from many images', () => {
  let harness: Harness;
  afterEach(() => harness.stop());

  const query = (names: string[]) =>
    `{ ${names.map((name, i) => `s${i}: imageStream(namespace: "openshift", name: "${name}") { metadata { name } }`).join(' ')} }`;

  test('reads as many streams of one namespace as LIST_THRESHOLD with one LIST instead of GETs', async () => {
    harness = await startHarness({ listThreshold: 3 });
    const names = ['python', 'wildfly', 'nodejs'];
    const answer = await harness.graphql(query(names));
    expect(answer.body.errors).toBeUndefined();
    expect(Object.values(answer.body.data ?? {}).map((s) => (s as { metadata: { name: string } }).metadata.name)).toEqual(names);
    expect(harness.upstreamCalls()).toEqual(['/apis/image.openshift.io/v1/namespaces/openshift/imagestreams?limit=500']);
  });

  test('falls back to GETs for a caller who may get streams but not list them', async () => {
    harness = await startHarness({ listThreshold: 2 });
    const answer = await harness.graphql(
      `{ a: imageStream(namespace: "demo", name: "ruby") { metadata { name } } b: imageStream(namespace: "demo", name: "ubuntu") { metadata { name } } }`,
      {},
      'viewer-token',
    );
    expect(answer.body.errors).toBeUndefined();
    expect(harness.upstreamCalls()).toEqual([
      '/apis/image.openshift.io/v1/namespaces/demo/imagestreams?limit=500',
      '/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby',
      '/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ubuntu',
    ]);
  });
});
