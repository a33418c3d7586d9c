import { authenticate } from '../../src/demo/demo-auth';
import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import { DEMO_ADMIN_TOKEN, DEMO_TOKENS, DEVELOPER_TOKEN, OUTSIDER_TOKEN, VIEWER_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { body, IMAGE_API, isiPath, request } from './demo-client';

const UNAUTHORIZED_WIRE = '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}\n';

let cluster: DemoCluster;
beforeAll(async () => {
  cluster = await startDemoCluster();
});
afterAll(() => cluster.stop());

describe('the token table', () => {
  it('has the admin, a two-namespace developer, a one-namespace viewer who may not list, and an outsider', () => {
    expect(DEMO_TOKENS).toEqual([
      { token: 'demo-admin-token', user: 'demo-admin', namespaces: '*', images: true, list: true },
      { token: 'developer-token', user: 'developer', namespaces: ['demo', 'team-a'], images: false, list: true },
      { token: 'viewer-token', user: 'viewer', namespaces: ['demo'], images: false, list: false },
      { token: 'outsider-token', user: 'outsider', namespaces: [], images: false, list: false },
    ]);
  });

  it('reads Bearer tokens like the k8s authenticator: scheme case-insensitive, anything else refused', () => {
    expect(authenticate(`Bearer ${VIEWER_TOKEN}`, DEMO_TOKENS)?.user).toBe('viewer');
    expect(authenticate(`bearer ${VIEWER_TOKEN}`, DEMO_TOKENS)?.user).toBe('viewer');
    expect(authenticate(`Basic ${VIEWER_TOKEN}`, DEMO_TOKENS)).toBeUndefined();
    expect(authenticate('Bearer ', DEMO_TOKENS)).toBeUndefined();
    expect(authenticate('Bearer  viewer-token', DEMO_TOKENS)).toBeUndefined();
    expect(authenticate(undefined, DEMO_TOKENS)).toBeUndefined();
  });

  it('can be replaced per cluster', async () => {
    const custom = await startDemoCluster({ tokens: [{ token: 'only', user: 'solo', namespaces: ['demo'], images: false, list: true }] });
    try {
      expect((await request(custom.url, isiPath('demo', 'ubuntu@sha256:ca013ac5'), { token: 'only' })).status).toBe(200);
      expect((await request(custom.url, isiPath('demo', 'ubuntu@sha256:ca013ac5'), { token: DEMO_ADMIN_TOKEN })).status).toBe(401);
    } finally {
      await custom.stop();
    }
  });
});

describe('401 Unauthorized (§6.4)', () => {
  it.each([
    ['no Authorization header', null],
    ['an unknown token', 'not-a-token'],
  ])('answers an ISI request with %s with the exact 401 body', async (_case, token) => {
    const answer = await request(cluster.url, isiPath('demo', 'ubuntu@sha256:ca013ac5'), { token });
    expect(answer.status).toBe(401);
    expect(answer.text).toBe(UNAUTHORIZED_WIRE);
  });

  it.each(['/api', '/apis', '/apis/image.openshift.io/v1', '/version', '/no/such/path'])('requires a token for %s too', async (path) => {
    const answer = await request(cluster.url, path, { token: null });
    expect(answer.status).toBe(401);
    expect(answer.text).toBe(UNAUTHORIZED_WIRE);
  });

  it('leaves /healthz, /livez and /readyz open, as the kube-apiserver does', async () => {
    for (const path of ['/healthz', '/livez', '/readyz']) {
      const answer = await request(cluster.url, path, { token: null });
      expect([answer.status, answer.text]).toEqual([200, 'ok']);
    }
  });
});

describe('403 Forbidden (§6.5)', () => {
  it('names resource, user, verb, group and namespace for a get outside the caller’s namespaces', async () => {
    const answer = await request(cluster.url, isiPath('openshift', 'ruby@sha256:0123abcd'), { token: DEVELOPER_TOKEN });
    expect(answer.status).toBe(403);
    expect(body(answer)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'imagestreamimages.image.openshift.io "ruby@sha256:0123abcd" is forbidden: User "developer" cannot get resource "imagestreamimages" in API group "image.openshift.io" in the namespace "openshift"',
      reason: 'Forbidden',
      details: { name: 'ruby@sha256:0123abcd', group: 'image.openshift.io', kind: 'imagestreamimages' },
      code: 403,
    });
  });

  it.each([
    ['an unparseable name', 'ruby'],
    ['a stream that does not exist', 'nope@sha256:abc'],
    ['an id that matches nothing', 'python@zzz'],
    ['an invalid stream name', '..@x'],
  ])('decides before looking at the name: %s is 403, not 400 or 404', async (_case, name) => {
    const answer = await request(cluster.url, isiPath('openshift', name), { token: DEVELOPER_TOKEN });
    expect(answer.status).toBe(403);
  });

  it('lets the outsider into no namespace', async () => {
    for (const namespace of ['demo', 'openshift', 'team-a']) {
      expect((await request(cluster.url, isiPath(namespace, 'ruby@sha'), { token: OUTSIDER_TOKEN })).status).toBe(403);
    }
  });

  it('lets the viewer get a stream by name but not list streams; the list 403 has no name', async () => {
    expect((await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreams/ruby`, { token: VIEWER_TOKEN })).status).toBe(200);
    const answer = await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreams`, { token: VIEWER_TOKEN });
    expect(answer.status).toBe(403);
    expect(body(answer)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'imagestreams.image.openshift.io is forbidden: User "viewer" cannot list resource "imagestreams" in API group "image.openshift.io" in the namespace "demo"',
      reason: 'Forbidden',
      details: { group: 'image.openshift.io', kind: 'imagestreams' },
      code: 403,
    });
  });

  it('authorizes the ISI collection path as a list: 403 for the viewer, the route-level 404 for the developer', async () => {
    const path = `${IMAGE_API}/namespaces/demo/imagestreamimages`;
    const viewer = await request(cluster.url, path, { token: VIEWER_TOKEN });
    expect(viewer.status).toBe(403);
    expect(body(viewer).message).toBe(
      'imagestreamimages.image.openshift.io is forbidden: User "viewer" cannot list resource "imagestreamimages" in API group "image.openshift.io" in the namespace "demo"',
    );
    expect((await request(cluster.url, path, { token: DEVELOPER_TOKEN })).status).toBe(404);
  });

  it('keeps cluster-scoped images to callers with `images`, phrased "at the cluster scope"', async () => {
    const digest = SAMPLES.storedManifestImage.digest;
    const get = await request(cluster.url, `${IMAGE_API}/images/${digest}`, { token: DEVELOPER_TOKEN });
    expect(get.status).toBe(403);
    expect(body(get)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `images.image.openshift.io "${digest}" is forbidden: User "developer" cannot get resource "images" in API group "image.openshift.io" at the cluster scope`,
      reason: 'Forbidden',
      details: { name: digest, group: 'image.openshift.io', kind: 'images' },
      code: 403,
    });
    const list = await request(cluster.url, `${IMAGE_API}/images`, { token: DEVELOPER_TOKEN });
    expect(body(list).message).toBe(
      'images.image.openshift.io is forbidden: User "developer" cannot list resource "images" in API group "image.openshift.io" at the cluster scope',
    );
    expect((await request(cluster.url, `${IMAGE_API}/images/${digest}`)).status).toBe(200);
  });

  it('keeps the all-namespaces stream list to callers who see every namespace', async () => {
    const answer = await request(cluster.url, `${IMAGE_API}/imagestreams`, { token: DEVELOPER_TOKEN });
    expect(body(answer).message).toBe(
      'imagestreams.image.openshift.io is forbidden: User "developer" cannot list resource "imagestreams" in API group "image.openshift.io" at the cluster scope',
    );
  });

  it('refuses writes to the read-only viewer with 403 and lets an editor reach the 405', async () => {
    const path = isiPath('demo', 'ruby@sha');
    const viewer = await request(cluster.url, path, { method: 'DELETE', token: VIEWER_TOKEN });
    expect(viewer.status).toBe(403);
    expect(body(viewer).message).toContain('User "viewer" cannot delete resource "imagestreamimages"');
    expect((await request(cluster.url, path, { method: 'DELETE', token: DEVELOPER_TOKEN })).status).toBe(405);
  });

  it('entity-escapes &, < and > in the reason, and Go-escapes them again on the wire', async () => {
    const answer = await request(cluster.url, `${IMAGE_API}/namespaces/a%3Cb%26c/imagestreamimages/x@y`, { token: DEVELOPER_TOKEN });
    expect(answer.status).toBe(403);
    expect(body(answer).message).toBe(
      'imagestreamimages.image.openshift.io "x@y" is forbidden: User "developer" cannot get resource "imagestreamimages" in API group "image.openshift.io" in the namespace "a&lt;b&amp;c"',
    );
    expect(answer.text).toContain('in the namespace \\"a\\u0026lt;b\\u0026amp;c\\"');
  });

  it('serves discovery to every authenticated caller', async () => {
    expect((await request(cluster.url, '/apis/image.openshift.io/v1', { token: OUTSIDER_TOKEN })).status).toBe(200);
  });
});

describe('request recording', () => {
  it('records method, raw url, authorization and the resolved user of every request, in order', async () => {
    cluster.resetRequests();
    await request(cluster.url, isiPath('demo', 'ruby%40sha?pretty=1'), { token: VIEWER_TOKEN });
    await request(cluster.url, '/apis', { token: 'bogus' });
    await request(cluster.url, isiPath('demo', 'x'), { method: 'POST', token: null });
    expect(cluster.requests).toEqual([
      { method: 'GET', url: `${isiPath('demo', 'ruby%40sha')}?pretty=1`, authorization: 'Bearer viewer-token', user: 'viewer' },
      { method: 'GET', url: '/apis', authorization: 'Bearer bogus' },
      { method: 'POST', url: isiPath('demo', 'x') },
    ]);
    cluster.resetRequests();
    expect(cluster.requests).toEqual([]);
  });
});

describe('bounded recording', () => {
  it('keeps only the newest maxRecordedRequests requests when asked to', async () => {
    const bounded = await startDemoCluster({ maxRecordedRequests: 2 });
    try {
      for (const path of ['/api', '/apis', '/version']) await request(bounded.url, path);
      expect(bounded.requests.map((recorded) => recorded.url)).toEqual(['/apis', '/version']);
    } finally {
      await bounded.stop();
    }
  });
});
