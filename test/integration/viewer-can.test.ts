import { DEMO_ADMIN_TOKEN, DEVELOPER_TOKEN, VIEWER_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';

// viewerCan: the API server's RBAC answers, through SelfSubjectAccessReviews made with the
// caller's token, one per distinct question per request, all at once, cached per caller.

const REVIEWS = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
const STREAMS = [
  ['demo', 'ubuntu'],
  ['demo', 'ruby'],
  ['demo', 'frontend'],
  ['demo', 'pending'],
  ['team-a', 'api'],
] as const;

/** Five streams, each asked GET and UPDATE twice (twenty viewerCan fields, ten distinct questions). */
const query = `{ ${STREAMS.map(
  ([namespace, name], i) =>
    `s${i}: imageStream(namespace: "${namespace}", name: "${name}") { get1: viewerCan(verb: GET) get2: viewerCan(verb: GET) update1: viewerCan(verb: UPDATE) update2: viewerCan(verb: UPDATE) }`,
).join(' ')} }`;

type Answers = Record<string, { get1: boolean; get2: boolean; update1: boolean; update2: boolean } | null>;
const both = (get: boolean, update: boolean) => ({ get1: get, get2: get, update1: update, update2: update });

describe('viewerCan', () => {
  let harness: Harness;
  const reviews = () => harness.demo.requests.filter((request) => request.method === 'POST' && request.url === REVIEWS);
  afterEach(() => harness.stop());

  test('five streams x two verbs, each asked twice, make exactly ten reviews with the developer token (an editor of demo and team-a)', async () => {
    harness = await startHarness();
    const { body } = await harness.graphql<Answers>(query, {}, DEVELOPER_TOKEN);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ s0: both(true, true), s1: both(true, true), s2: both(true, true), s3: both(true, true), s4: both(true, true) });
    expect(reviews()).toHaveLength(10);
    expect(new Set(reviews().map((request) => request.authorization))).toEqual(new Set([`Bearer ${DEVELOPER_TOKEN}`]));
  });

  test('the seven verbs asked of one stream are seven reviews in flight at once', async () => {
    harness = await startHarness();
    const verbs = ['GET', 'LIST', 'WATCH', 'CREATE', 'UPDATE', 'PATCH', 'DELETE'];
    const { body } = await harness.graphql(
      `{ imageStream(namespace: "demo", name: "ruby") { ${verbs.map((verb) => `${verb.toLowerCase()}: viewerCan(verb: ${verb})`).join(' ')} } }`,
      {},
      VIEWER_TOKEN,
    );
    expect(body.data).toEqual({ imageStream: { get: true, list: false, watch: false, create: false, patch: false, update: false, delete: false } });
    expect(reviews()).toHaveLength(7);
    expect(harness.peakUpstreamInFlight()).toBe(7);
  });

  test('the viewer token (get only, in demo) may GET and not UPDATE its four streams, and reads nothing of team-a: eight reviews', async () => {
    harness = await startHarness();
    const { body } = await harness.graphql<Answers>(query, {}, VIEWER_TOKEN);
    expect(body.data).toEqual({ s0: both(true, false), s1: both(true, false), s2: both(true, false), s3: both(true, false), s4: null });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['s4'], 'FORBIDDEN']]);
    expect(reviews()).toHaveLength(8);
  });

  test('answers from the cache for the same caller in a later request, and asks again for another caller', async () => {
    harness = await startHarness({ server: { cache: { ttlMs: 60_000, imageTtlMs: 60_000, maxBytes: 16 * 1024 * 1024 } } });
    await harness.graphql(query, {}, DEVELOPER_TOKEN);
    expect(reviews()).toHaveLength(10);
    harness.demo.resetRequests();
    const again = await harness.graphql<Answers>(query, {}, DEVELOPER_TOKEN);
    expect(again.body.data?.s0).toEqual(both(true, true));
    expect(reviews()).toHaveLength(0);
    const viewer = await harness.graphql<Answers>(query, {}, VIEWER_TOKEN);
    expect(viewer.body.data?.s0).toEqual(both(true, false));
    expect(reviews()).toHaveLength(8);
  });

  test('asks about the ImageStreamTag and the ImageStreamImage as themselves: the admin may do all, the viewer only GET', async () => {
    harness = await startHarness();
    const objects = `{
      tag: imageStreamTag(namespace: "demo", name: "ruby:3.3") { get: viewerCan(verb: GET) list: viewerCan(verb: LIST) watch: viewerCan(verb: WATCH) create: viewerCan(verb: CREATE) patch: viewerCan(verb: PATCH) delete: viewerCan(verb: DELETE) }
      isi: imageStreamImage(namespace: "demo", name: "ruby@${SAMPLES.storedManifestImage.digest}") { get: viewerCan(verb: GET) delete: viewerCan(verb: DELETE) }
    }`;
    const admin = await harness.graphql(objects, {}, DEMO_ADMIN_TOKEN);
    expect(admin.body.data).toEqual({
      tag: { get: true, list: true, watch: true, create: true, patch: true, delete: true },
      isi: { get: true, delete: true },
    });
    const viewer = await harness.graphql(objects, {}, VIEWER_TOKEN);
    expect(viewer.body.data).toEqual({
      tag: { get: true, list: false, watch: false, create: false, patch: false, delete: false },
      isi: { get: true, delete: false },
    });
    expect(reviews()).toHaveLength(16);
  });
});
