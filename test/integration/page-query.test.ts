// The frontend page query at the floor: one namespace's streams and every tag's newest image,
// on the demo cluster's `page` namespace (20 streams, 31 tags, 31 `<stream>@<digest>` names over
// 19 images). At default settings it costs one LIST and one GET per distinct image, in exactly
// two round trips; the ImageStreamImages of other streams are built from those answers exactly
// as the API server builds them.
import { loadConfig } from '../../src/config';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { PAGE } from '../../src/demo/sample-page';
import { kubeConfigForServer } from '../../src/kube/cluster-access';
import { createKubeClient, type HttpKubeClient } from '../../src/kube/http-kube-client';
import type { CallOptions, KubeClient, ReadRequest } from '../../src/kube/kube-client';
import { requestPath } from '../../src/kube/resource-path';
import type { ImageStream, ImageStreamImage } from '../../src/kube/types';
import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { testRequest, testServices } from '../helpers/test-session';

const DEFAULTS = loadConfig({});
const LATENCY_MS = 25;
const PAGE_QUERY = `{ imageStreams(namespace: "${PAGE.namespace}", first: 20) { edges { node { metadata { name } status { tags { tag latest { imageStreamImage { image { dockerImageLayers { size } } } } } } } } } }`;
const ISI_PATH = `/apis/image.openshift.io/v1/namespaces/${PAGE.namespace}/imagestreamimages/`;

/** An upstream call, timed. */
interface Timed {
  path: string;
  start: number;
  end: number;
}

/** Each call's round trip, in the order they started: 1 + the latest round of the calls that had ended before it started. */
function roundsOf(calls: Timed[]): number[] {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const rounds: number[] = [];
  for (const [i, call] of sorted.entries()) {
    let latest = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= call.start) latest = Math.max(latest, rounds[j]!);
    rounds.push(latest + 1);
  }
  return rounds;
}

describe('the page query at default settings', () => {
  let harness: Harness;
  const timed: Timed[] = [];
  let inFlight = 0;
  let peak = 0;
  beforeAll(async () => {
    harness = await startHarness({
      demo: { page: true, faults: { latencyMs: LATENCY_MS } },
      concurrency: DEFAULTS.upstreamConcurrency,
      listThreshold: DEFAULTS.listThreshold,
    });
    // Every upstream call timed, by wrapping the adapter the gateway reads through.
    const read = harness.kube.read.bind(harness.kube);
    harness.kube.read = async (request: ReadRequest, options: CallOptions) => {
      const call = { path: requestPath(request), start: performance.now(), end: Number.POSITIVE_INFINITY };
      timed.push(call);
      peak = Math.max(peak, ++inFlight);
      try {
        return await read(request, options);
      } finally {
        inFlight--;
        call.end = performance.now();
      }
    };
  });
  afterAll(() => harness.stop());

  test('costs one LIST and one GET per distinct image (20 calls for 31 tags), in two round trips with all 19 image reads in flight at once', async () => {
    harness.demo.resetRequests();
    const answer = await harness.graphql<{ imageStreams: { edges: Array<{ node: { status: { tags: Array<{ latest: { imageStreamImage: unknown } }> } } }> } }>(PAGE_QUERY);
    expect(answer.body.errors).toBeUndefined();
    const tags = answer.body.data!.imageStreams.edges.flatMap((edge) => edge.node.status.tags);
    expect(tags).toHaveLength(PAGE.tags);
    expect(tags.every((tag) => tag.latest.imageStreamImage !== null)).toBe(true);

    const calls = harness.upstreamCalls();
    expect(calls).toHaveLength(1 + PAGE.distinctLatestImages);
    expect(calls.filter((url) => url.startsWith(ISI_PATH))).toHaveLength(PAGE.distinctLatestImages);
    expect(roundsOf(timed)).toEqual([1, ...Array(PAGE.distinctLatestImages).fill(2)]);
    expect(peak).toBe(PAGE.distinctLatestImages);
  });
});

describe('an ImageStreamImage built from another stream’s answer', () => {
  let demo: DemoCluster;
  let kube: HttpKubeClient;
  beforeAll(async () => {
    demo = await startDemoCluster({ page: true });
    kube = await createKubeClient(kubeConfigForServer(demo.url, DEMO_ADMIN_TOKEN), { timeoutMs: 5000 });
  });
  afterAll(async () => {
    await kube.close();
    await demo.stop();
  });

  test('equals, field for field, what the API server answers for that name, for every tag of the page', async () => {
    const { loaders, session } = testRequest(testServices(kube as KubeClient, { concurrency: 64 }), { kind: 'bearer', token: DEMO_ADMIN_TOKEN });
    const { list } = await loaders.imageStreamPage(PAGE.namespace, 20);
    const wanted = list.items.flatMap((stream: ImageStream) =>
      (stream.status?.tags ?? []).map((tag) => ({ namespace: PAGE.namespace, name: `${stream.metadata.name}@${tag.items?.[0]?.image}`, through: stream })),
    );
    const built = await loaders.imageStreamImage.loadMany(wanted);
    expect(session.stats.upstreamCalls).toBe(1 + PAGE.distinctLatestImages);

    const direct = await Promise.all(
      wanted.map(async (key) => {
        const response = await fetch(`${demo.url}${ISI_PATH}${key.name}`, { headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` } });
        return (await response.json()) as ImageStreamImage;
      }),
    );
    expect(built).toEqual(direct);
    // The streams' own annotations, not those of the stream whose answer was the source.
    const annotations = new Set(built.map((isi) => JSON.stringify((isi as ImageStreamImage).metadata.annotations)));
    expect(annotations.size).toBe(PAGE.streams);
  });

  test('is not built for a name asked without the stream it was reached through: that is a GET of its own', async () => {
    const { loaders, session } = testRequest(testServices(kube as KubeClient), { kind: 'bearer', token: DEMO_ADMIN_TOKEN });
    const { list } = await loaders.imageStreamPage(PAGE.namespace, 20);
    const [first, second] = list.items.filter((stream) => stream.status?.tags?.length);
    const image = first!.status!.tags![0]!.items![0]!.image;
    await loaders.imageStreamImage.load({ namespace: PAGE.namespace, name: `${first!.metadata.name}@${image}`, through: first });
    // The same image under a name without the stream it came through is its own GET.
    await loaders.imageStreamImage.load({ namespace: PAGE.namespace, name: `${second!.metadata.name}@${image}` }).catch(() => undefined);
    expect(session.stats.upstreamCalls).toBe(3);
  });
});
