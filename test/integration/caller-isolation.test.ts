// Callers of different rights ask for the same objects at the same time, through GraphQL and the
// REST route, with the gateway lending no credentials. Per-request loaders, the process-wide
// in-flight coalescing and any cache would leak one caller's answer to another if they could;
// every answer is checked against what that caller may see in the demo token table, and every
// upstream request against the caller's own token.
import { DEMO_ADMIN_TOKEN, DEMO_TOKENS, DEVELOPER_TOKEN, OUTSIDER_TOKEN, VIEWER_TOKEN, type DemoToken } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';

/**
 * The admin caller uses a token of its own, not DEMO_ADMIN_TOKEN: that one is the gateway's own
 * credential (the harness's kubeconfig), so an upstream request carrying it can only mean the
 * gateway lent its credentials to someone.
 */
const CALLER_ADMIN_TOKEN = 'isolation-admin-token';
const UNKNOWN_TOKEN = 'no-such-user-token';
const TOKENS: readonly DemoToken[] = [...DEMO_TOKENS, { token: CALLER_ADMIN_TOKEN, user: 'isolation-admin', namespaces: '*', images: true, list: true }];

interface Caller {
  label: string;
  token: string | null;
  /** The demo user, for callers the demo cluster knows. */
  user?: string;
  namespaces: readonly string[] | '*';
  images: boolean;
  list: boolean;
}

const CALLERS: Caller[] = [
  { label: 'admin', token: CALLER_ADMIN_TOKEN, user: 'isolation-admin', namespaces: '*', images: true, list: true },
  { label: 'developer', token: DEVELOPER_TOKEN, user: 'developer', namespaces: ['demo', 'team-a'], images: false, list: true },
  { label: 'viewer', token: VIEWER_TOKEN, user: 'viewer', namespaces: ['demo'], images: false, list: false },
  { label: 'outsider', token: OUTSIDER_TOKEN, user: 'outsider', namespaces: [], images: false, list: false },
  { label: 'unknown token', token: UNKNOWN_TOKEN, namespaces: [], images: false, list: false },
  { label: 'no token', token: null, namespaces: [], images: false, list: false },
];

const ALL_TOKENS = [...TOKENS.map((t) => t.token), UNKNOWN_TOKEN];

const RUBY = { namespace: 'demo', stream: 'ruby', digest: SAMPLES.storedManifestImage.digest };
const PYTHON = { namespace: 'openshift', stream: 'python', digest: SAMPLES.signedImage.digest };
const ML = { namespace: SAMPLES.bigLayerImage.namespace, stream: SAMPLES.bigLayerImage.stream, digest: SAMPLES.bigLayerImage.digest };

interface Target {
  label: string;
  field: string;
  query: string;
  /** Whether the field is non-null (its error nulls the whole `data`). */
  nonNull?: boolean;
  /** Cluster-scoped targets need `images`; list targets need `list`. */
  namespace?: string;
  clusterScoped?: boolean;
  list?: boolean;
}

const TARGETS: Target[] = [
  { label: 'imageStream demo/ruby', field: 'imageStream', namespace: 'demo', query: '{ imageStream(namespace: "demo", name: "ruby") { metadata { name namespace uid } status { tags { tag items { image } } } } }' },
  { label: 'imageStream team-a/api', field: 'imageStream', namespace: 'team-a', query: '{ imageStream(namespace: "team-a", name: "api") { metadata { name namespace uid } status { tags { tag items { image } } } } }' },
  { label: 'imageStream openshift/python', field: 'imageStream', namespace: 'openshift', query: '{ imageStream(namespace: "openshift", name: "python") { metadata { name namespace uid } status { tags { tag items { image } } } } }' },
  {
    label: 'imageStreamImage demo/ruby@digest',
    field: 'imageStreamImage',
    namespace: RUBY.namespace,
    query: `{ imageStreamImage(namespace: "${RUBY.namespace}", name: "${RUBY.stream}@${RUBY.digest}") { metadata { name namespace } image { metadata { name uid } dockerImageLayers { name size } } } }`,
  },
  {
    label: 'imageStreamImage team-a/ml-training@digest',
    field: 'imageStreamImage',
    namespace: ML.namespace,
    query: `{ imageStreamImage(namespace: "${ML.namespace}", name: "${ML.stream}@${ML.digest}") { metadata { name namespace } image { metadata { name uid } dockerImageLayers { name size } } } }`,
  },
  {
    label: 'imageStreamImage openshift/python@digest',
    field: 'imageStreamImage',
    namespace: PYTHON.namespace,
    query: `{ imageStreamImage(namespace: "${PYTHON.namespace}", name: "${PYTHON.stream}@${PYTHON.digest}") { metadata { name namespace } image { metadata { name uid } signatures { metadata { name } } } } }`,
  },
  { label: 'imageStreamTag team-a/nginx:1.27', field: 'imageStreamTag', namespace: 'team-a', query: '{ imageStreamTag(namespace: "team-a", name: "nginx:1.27") { metadata { name namespace } image { metadata { name } } } }' },
  { label: 'image by digest', field: 'image', clusterScoped: true, query: `{ image(name: "${PYTHON.digest}") { metadata { name uid } dockerImageReference } }` },
  {
    label: 'imageStreams of demo',
    field: 'imageStreams',
    nonNull: true,
    namespace: 'demo',
    list: true,
    query: '{ imageStreams(namespace: "demo", first: 3) { edges { node { metadata { name namespace } } } pageInfo { hasNextPage } } }',
  },
];

const REST_TARGETS = [RUBY, ML, PYTHON].map((isi) => ({
  label: `REST GET imagestreamimages ${isi.namespace}/${isi.stream}@digest`,
  namespace: isi.namespace,
  name: `${isi.stream}@${isi.digest}`,
  digest: isi.digest,
  path: `/apis/image.openshift.io/v1/namespaces/${isi.namespace}/imagestreamimages/${isi.stream}@${isi.digest}`,
}));

type Expectation = 'data' | 'FORBIDDEN' | 'UNAUTHENTICATED';

function expectationOf(caller: Caller, target: { namespace?: string; clusterScoped?: boolean; list?: boolean }): Expectation {
  if (!caller.user) return 'UNAUTHENTICATED';
  if (target.clusterScoped) return caller.images ? 'data' : 'FORBIDDEN';
  const namespaceAllowed = caller.namespaces === '*' || caller.namespaces.includes(target.namespace ?? '');
  if (!namespaceAllowed) return 'FORBIDDEN';
  if (target.list && !caller.list) return 'FORBIDDEN';
  return 'data';
}

interface Answer {
  status: number;
  text: string;
  json: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> } & Record<string, unknown>;
}

let harness: Harness;
/** Each target's data as the admin saw it alone, the reference for every caller allowed to see it. */
const reference = new Map<string, unknown>();

async function post(caller: Caller, query: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  const response = await fetch(`${harness.gateway.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }), signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Answer['json'] };
}

async function restGet(caller: Caller, path: string): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  const response = await fetch(`${harness.gateway.url}${path}`, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Answer['json'] };
}

function checkGraphQL(caller: Caller, target: Target, answer: Answer): void {
  const context = `${caller.label} asking ${target.label}: ${answer.text.slice(0, 300)}`;
  const expected = expectationOf(caller, target);
  for (const token of ALL_TOKENS) expect({ context, leaksToken: answer.text.includes(token) }).toEqual({ context, leaksToken: false });
  if (expected === 'data') {
    expect({ context, status: answer.status, errors: answer.json.errors }).toEqual({ context, status: 200, errors: undefined });
    expect({ context, data: answer.json.data?.[target.field] }).toEqual({ context, data: reference.get(target.label) });
    return;
  }
  const error = answer.json.errors?.[0];
  if (!caller.token) {
    // Without credentials the gateway refuses the whole request itself, before any resolver runs.
    expect({ context, status: answer.status, data: answer.json.data, errors: answer.json.errors?.length, code: error?.extensions?.code }).toEqual({
      context,
      status: 401,
      data: undefined,
      errors: 1,
      code: 'UNAUTHENTICATED',
    });
    return;
  }
  expect({ context, data: answer.json.data, errors: answer.json.errors?.length, code: error?.extensions?.code, path: error?.path }).toEqual({
    context,
    data: target.nonNull ? null : { [target.field]: null },
    errors: 1,
    code: expected,
    path: [target.field],
  });
  // The API server's refusal names the user whose token it got: it must be this caller.
  if (expected === 'FORBIDDEN') expect({ context, message: error?.message }).toEqual({ context, message: expect.stringContaining(`User "${caller.user}"`) });
}

function checkRest(caller: Caller, target: (typeof REST_TARGETS)[number], answer: Answer): void {
  const context = `${caller.label} asking ${target.label}: ${answer.text.slice(0, 300)}`;
  const expected = expectationOf(caller, target);
  for (const token of ALL_TOKENS) expect({ context, leaksToken: answer.text.includes(token) }).toEqual({ context, leaksToken: false });
  if (expected === 'data') {
    const body = answer.json as { kind?: string; metadata?: { name?: string; namespace?: string }; image?: { metadata?: { name?: string } } };
    expect({ context, status: answer.status, kind: body.kind, name: body.metadata?.name, namespace: body.metadata?.namespace, image: body.image?.metadata?.name }).toEqual({
      context,
      status: 200,
      kind: 'ImageStreamImage',
      name: target.name,
      namespace: target.namespace,
      image: target.digest,
    });
    return;
  }
  const status = expected === 'FORBIDDEN' ? 403 : 401;
  const body = answer.json as { kind?: string; code?: number; reason?: string; message?: string };
  expect({ context, status: answer.status, kind: body.kind, code: body.code, reason: body.reason }).toEqual({
    context,
    status,
    kind: 'Status',
    code: status,
    reason: expected === 'FORBIDDEN' ? 'Forbidden' : 'Unauthorized',
  });
  if (expected === 'FORBIDDEN') expect({ context, message: body.message }).toEqual({ context, message: expect.stringContaining(`User "${caller.user}"`) });
}

beforeAll(async () => {
  // Upstream answers take a while, so requests of different callers overlap in flight.
  harness = await startHarness({ lendCredentials: false, demo: { tokens: TOKENS, faults: { latencyMs: 15 } } });
  const admin = CALLERS[0] as Caller;
  for (const target of TARGETS) {
    const answer = await post(admin, target.query);
    expect({ target: target.label, errors: answer.json.errors }).toEqual({ target: target.label, errors: undefined });
    reference.set(target.label, answer.json.data?.[target.field]);
  }
});

afterAll(async () => {
  await harness?.stop();
});

test('the reference answers are the objects asked for', () => {
  expect((reference.get('imageStream openshift/python') as { metadata: { name: string } }).metadata.name).toBe('python');
  expect((reference.get('imageStreamImage openshift/python@digest') as { image: { metadata: { name: string } } }).image.metadata.name).toBe(PYTHON.digest);
  expect((reference.get('image by digest') as { metadata: { name: string } }).metadata.name).toBe(PYTHON.digest);
  expect((reference.get('imageStreams of demo') as { edges: unknown[] }).edges).toHaveLength(3);
});

describe.each(CALLERS.map((caller) => [caller.label, caller] as const))('%s alone', (_label, caller) => {
  test('gets exactly what the token table allows, and every upstream request carries its own token', async () => {
    harness.demo.resetRequests();
    for (const target of TARGETS) checkGraphQL(caller, target, await post(caller, target.query));
    for (const target of REST_TARGETS) checkRest(caller, target, await restGet(caller, target.path));

    const authorizations = new Set(harness.demo.requests.map((request) => request.authorization));
    if (caller.token === null) {
      // No token and no lending: the gateway refuses by itself.
      expect(harness.demo.requests).toEqual([]);
    } else {
      expect(harness.demo.requests.length).toBeGreaterThan(0);
      expect([...authorizations]).toEqual([`Bearer ${caller.token}`]);
    }
  });
});

test('interleaved parallel requests of all callers for the same objects each get only what their caller may see', async () => {
  harness.demo.resetRequests();
  type Job = () => Promise<void>;
  const jobs: Job[] = [];
  for (let round = 0; round < 4; round++) {
    for (const target of TARGETS) {
      for (const caller of CALLERS) jobs.push(async () => checkGraphQL(caller, target, await post(caller, target.query)));
    }
    for (const target of REST_TARGETS) {
      for (const caller of CALLERS) jobs.push(async () => checkRest(caller, target, await restGet(caller, target.path)));
    }
  }
  // A fixed shuffle, so callers' requests for one object are not sent in caller order.
  let seed = 7;
  const shuffled = jobs
    .map((job) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return { job, key: seed };
    })
    .sort((a, b) => a.key - b.key)
    .map(({ job }) => job);

  await Promise.all(shuffled.map((job) => job()));

  const authorizations = new Set(harness.demo.requests.map((request) => request.authorization));
  const callerAuthorizations = CALLERS.filter((caller) => caller.token).map((caller) => `Bearer ${caller.token}`);
  expect([...authorizations].every((authorization) => authorization !== undefined && callerAuthorizations.includes(authorization))).toBe(true);
  expect(authorizations.has(`Bearer ${DEMO_ADMIN_TOKEN}`)).toBe(false);
  // Every caller with a token reached the API server with it.
  expect([...authorizations].sort()).toEqual([...callerAuthorizations].sort());
});

test('a combined request of every nullable field answers each field for the caller alone, in parallel with the others', async () => {
  const nullable = TARGETS.filter((target) => !target.nonNull);
  const query = `{ ${nullable.map((target, i) => `t${i}: ${target.query.slice(2, -2)}`).join(' ')} }`;
  const answers = await Promise.all([0, 1, 2].flatMap(() => CALLERS.map(async (caller) => ({ caller, answer: await post(caller, query) }))));

  for (const { caller, answer } of answers) {
    for (const token of ALL_TOKENS) expect(answer.text.includes(token)).toBe(false);
    if (!caller.token) {
      expect([answer.status, answer.json.data, answer.json.errors?.map((e) => e.extensions?.code)]).toEqual([401, undefined, ['UNAUTHENTICATED']]);
      continue;
    }
    nullable.forEach((target, i) => {
      const expected = expectationOf(caller, target);
      const errors = (answer.json.errors ?? []).filter((error) => (error.path ?? [])[0] === `t${i}`);
      const got = { caller: caller.label, target: target.label, data: answer.json.data?.[`t${i}`], codes: errors.map((error) => error.extensions?.code) };
      expect(got).toEqual({
        caller: caller.label,
        target: target.label,
        data: expected === 'data' ? reference.get(target.label) : null,
        codes: expected === 'data' ? [] : [expected],
      });
    });
  }
});
