// The REST route answers every request exactly as the API server it fronts: each row is sent to
// the demo cluster directly and through the gateway, and status, Content-Type and body must agree.
import { DEMO_ADMIN_TOKEN, DEVELOPER_TOKEN, OUTSIDER_TOKEN, VIEWER_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES, SAMPLE_DATA } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { rawRequest, type RawAnswer, type RawRequest } from './raw-request';

const API = '/apis/image.openshift.io/v1';
const isi = (namespace: string, name: string, query = ''): string => `${API}/namespaces/${namespace}/imagestreamimages/${name}${query}`;

const { manifestList, twoPlatformList, manifestListMembers, signedImage, storedManifestImage, sharedImage, bigLayerImage, prunedEntry } = SAMPLES;
const hexOf = (digest: string): string => digest.slice('sha256:'.length);
const bigStreamImage = SAMPLE_DATA.streams.find((s) => s.metadata.name === 'big')?.status.tags?.[0]?.items?.[0]?.image ?? '';

interface Row {
  what: string;
  path: string;
  request?: RawRequest;
  /** The status both sides must answer (checked so that a row cannot pass by both sides failing alike). */
  status: number;
}

const admin = { token: DEMO_ADMIN_TOKEN };

const ROWS: Row[] = [
  // 200s: every way of naming an image.
  { what: 'a manifest list by full digest', path: isi('demo', `ubuntu@${manifestList.digest}`), request: admin, status: 200 },
  { what: 'the fixture manifest list, viewer token', path: isi('demo', `ubuntu@${twoPlatformList.digest}`), request: { token: VIEWER_TOKEN }, status: 200 },
  { what: 'a short sha256: prefix', path: isi('demo', `ubuntu@${manifestList.digest.slice(0, 15)}`), request: admin, status: 200 },
  { what: 'a bare hex prefix', path: isi('demo', `ubuntu@${hexOf(manifestList.digest).slice(0, 8)}`), request: admin, status: 200 },
  { what: 'a prefix matching several images ("sha256:")', path: isi('demo', 'ubuntu@sha256:'), request: admin, status: 200 },
  { what: 'a manifest-list member (amd64) by full digest', path: isi('demo', `ubuntu@${manifestListMembers.amd64}`), request: admin, status: 200 },
  { what: 'a manifest-list member (arm64) by hex prefix', path: isi('demo', `ubuntu@${hexOf(manifestListMembers.arm64).slice(0, 10)}`), request: admin, status: 200 },
  { what: 'a signed image', path: isi(signedImage.namespace, `${signedImage.stream}@${signedImage.digest}`), request: admin, status: 200 },
  { what: 'an image stored with manifest and config', path: isi(storedManifestImage.namespace, `${storedManifestImage.stream}@${storedManifestImage.digest}`), request: { token: DEVELOPER_TOKEN }, status: 200 },
  { what: 'an image in two tags', path: isi(sharedImage.namespace, `${sharedImage.stream}@${sharedImage.digest}`), request: admin, status: 200 },
  { what: 'an image with a 5 GiB layer', path: isi(bigLayerImage.namespace, `${bigLayerImage.stream}@${bigLayerImage.digest}`), request: { token: DEVELOPER_TOKEN }, status: 200 },
  { what: 'a stream without annotations', path: isi('demo', `big@${bigStreamImage}`), request: admin, status: 200 },
  { what: '@ sent as %40', path: isi('demo', `ubuntu%40${manifestList.digest}`), request: admin, status: 200 },
  { what: '?pretty=true', path: isi('demo', `ubuntu@${manifestList.digest}`, '?pretty=true'), request: admin, status: 200 },
  { what: '?resourceVersion= (ignored)', path: isi('demo', `ubuntu@${manifestList.digest}`, '?resourceVersion=1'), request: admin, status: 200 },
  { what: 'a trailing slash after the name', path: `${isi('demo', `ubuntu@${manifestList.digest}`)}/`, request: admin, status: 200 },
  // The three 404 shapes.
  { what: 'no image matches (§6.2)', path: isi('demo', 'ruby@sha256:0123abcd'), request: admin, status: 404 },
  { what: 'a tag name as id (§6.2)', path: isi('demo', 'ruby@latest'), request: admin, status: 404 },
  { what: 'a stream with no status tags (§6.2)', path: isi('demo', 'pending@sha256:abc'), request: admin, status: 404 },
  { what: 'no such stream (§6.3)', path: isi('demo', 'nosuch@sha256:abc'), request: admin, status: 404 },
  { what: 'the image object is gone (§6.3b)', path: isi(prunedEntry.namespace, `${prunedEntry.stream}@${prunedEntry.digest}`), request: admin, status: 404 },
  { what: 'an upper-case stream part, forwarded (§6.3)', path: isi('demo', 'Ruby@sha256:abc'), request: admin, status: 404 },
  { what: 'a non-ASCII id, forwarded (§6.2)', path: isi('demo', 'ruby@%C3%A9t%C3%A9'), request: admin, status: 404 },
  { what: 'a 300-character stream part (§6.3)', path: isi('demo', `${'a'.repeat(300)}@sha256:abc`), request: admin, status: 404 },
  { what: 'a 300-character id (§6.2)', path: isi('demo', `ruby@sha256:${'f'.repeat(300)}`), request: admin, status: 404 },
  { what: 'a 5000-character id (§6.2)', path: isi('demo', `ruby@${'0'.repeat(5000)}`), request: admin, status: 404 },
  { what: 'a "%" in the id (§6.2)', path: isi('demo', 'ruby@abc%25'), request: admin, status: 404 },
  { what: 'a newline in the id (§6.2)', path: isi('demo', 'ruby@abc%0A'), request: admin, status: 404 },
  { what: 'an id with "%" in a stream that does not exist (§6.3)', path: isi('demo', 'nosuch@abc%25'), request: admin, status: 404 },
  { what: 'namespace ".." (§6.3)', path: isi('..', 'ruby@sha256:abc'), request: admin, status: 404 },
  { what: 'an upper-case namespace, forwarded (§6.3)', path: isi('Demo', 'ruby@sha256:abc'), request: admin, status: 404 },
  { what: '?pretty=true on a 404', path: isi('demo', 'ruby@sha256:0123abcd', '?pretty=true'), request: admin, status: 404 },
  // Malformed names: 400.
  { what: 'no "@"', path: isi('demo', 'ruby'), request: admin, status: 400 },
  { what: 'two "@"', path: isi('demo', 'a@b@c'), request: admin, status: 400 },
  { what: 'empty stream part', path: isi('demo', '@sha256:abc'), request: admin, status: 400 },
  { what: 'empty id part', path: isi('demo', 'ruby@'), request: admin, status: 400 },
  { what: 'name ".."', path: isi('demo', '..'), request: admin, status: 400 },
  { what: 'name "."', path: isi('demo', '.'), request: admin, status: 400 },
  { what: 'a 5000-character name without "@"', path: isi('demo', 'x'.repeat(5000)), request: admin, status: 400 },
  { what: 'stream part ".."', path: isi('demo', '..@sha256:abc'), request: admin, status: 400 },
  { what: 'stream part "."', path: isi('demo', '.@abc'), request: admin, status: 400 },
  { what: 'stream part with "%"', path: isi('demo', 'ru%25by@abc'), request: admin, status: 400 },
  // Route-level answers.
  { what: 'a%2Fb (a decoded "/" splits the path)', path: isi('demo', 'a%2Fb'), request: admin, status: 404 },
  { what: 'ruby%2F..@x', path: isi('demo', 'ruby%2F..@x'), request: admin, status: 404 },
  { what: 'a subresource path', path: `${isi('demo', `ubuntu@${manifestList.digest}`)}/status`, request: admin, status: 404 },
  { what: 'GET on the collection', path: `${API}/namespaces/demo/imagestreamimages`, request: admin, status: 404 },
  { what: 'GET on the collection with a trailing slash', path: `${API}/namespaces/demo/imagestreamimages/`, request: admin, status: 404 },
  { what: 'POST on the item', path: isi('demo', `ubuntu@${manifestList.digest}`), request: { ...admin, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":' }, status: 405 },
  { what: 'PUT on the item', path: isi('demo', 'ruby@abc'), request: { ...admin, method: 'PUT', headers: { 'content-type': 'application/yaml' }, body: 'a: b' }, status: 405 },
  { what: 'DELETE on the item', path: isi('demo', 'ruby@abc'), request: { ...admin, method: 'DELETE' }, status: 405 },
  { what: 'HEAD on the item', path: isi('demo', `ubuntu@${manifestList.digest}`), request: { ...admin, method: 'HEAD' }, status: 405 },
  { what: 'PATCH on a malformed name', path: isi('demo', 'ruby'), request: { ...admin, method: 'PATCH' }, status: 405 },
  // Authentication and authorization.
  { what: 'no token', path: isi('demo', `ubuntu@${manifestList.digest}`), request: { token: null }, status: 401 },
  { what: 'no token, malformed name', path: isi('demo', 'a@b@c'), request: { token: null }, status: 401 },
  { what: 'no token, POST', path: isi('demo', 'ruby@abc'), request: { token: null, method: 'POST' }, status: 401 },
  { what: 'a Basic Authorization header', path: isi('demo', `ubuntu@${manifestList.digest}`), request: { headers: { authorization: 'Basic ZGVtbzpkZW1v' } }, status: 401 },
  { what: 'a token with a non-ASCII character', path: isi('demo', `ubuntu@${manifestList.digest}`), request: { headers: { authorization: 'Bearer t\u00f6ken' } }, status: 401 },
  { what: 'an unknown token', path: isi('demo', `ubuntu@${manifestList.digest}`), request: { token: 'no-such-token' }, status: 401 },
  { what: 'a token for another namespace', path: isi(signedImage.namespace, `${signedImage.stream}@${signedImage.digest}`), request: { token: DEVELOPER_TOKEN }, status: 403 },
  { what: 'a viewer outside its namespace', path: isi('team-a', `api@sha256:abc`), request: { token: VIEWER_TOKEN }, status: 403 },
  { what: 'a token for another namespace, unsendable id (probe renamed)', path: isi('openshift', 'python@abc%25'), request: { token: DEVELOPER_TOKEN }, status: 403 },
  { what: 'a user without bindings', path: isi('demo', `ubuntu@${manifestList.digest}`), request: { token: OUTSIDER_TOKEN }, status: 403 },
];

/** What the two answers must share. */
function comparable(answer: RawAnswer) {
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    body = answer.body;
  }
  return { status: answer.status, contentType: answer.contentType, retryAfter: answer.headers['retry-after'], body };
}

describe('GET imagestreamimages through the gateway equals the demo cluster answered directly', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ lendCredentials: false });
  });
  afterAll(async () => {
    await harness.stop();
  });

  test(`the table has ${ROWS.length} rows`, () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(25);
  });

  test.each(ROWS.map((row) => [row.what, row] as const))('%s', async (_what, row) => {
    const direct = await rawRequest(harness.demo.url, row.path, row.request);
    const through = await rawRequest(harness.gateway.url, row.path, row.request);
    expect(comparable(direct).status).toBe(row.status);
    expect(comparable(through)).toEqual(comparable(direct));
  });

  describe('exact values', () => {
    test('the 401 body is the kube-apiserver one, byte for byte', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('demo', `ubuntu@${manifestList.digest}`), { token: null });
      expect(answer.status).toBe(401);
      expect(answer.contentType).toBe('application/json');
      expect(answer.body).toBe('{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}\n');
    });

    test('the malformed-name 400 escapes < and > as Go does', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('demo', 'a@b@c'), admin);
      expect(answer.body).toBe(
        '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"ImageStreamImages must be retrieved with \\u003cname\\u003e@\\u003cid\\u003e","reason":"BadRequest","code":400}\n',
      );
    });

    test('stream part ".." is refused with "Name parameter invalid"', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('demo', '..@sha256:abc'), admin);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 400, reason: 'BadRequest', message: `Name parameter invalid: "..": may not be '..'` });
    });

    test('no match is a 404 naming the whole name and the singular kind', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('demo', 'ruby@sha256:0123abcd'), admin);
      expect(JSON.parse(answer.body)).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'imagestreamimage.image.openshift.io "ruby@sha256:0123abcd" not found',
        reason: 'NotFound',
        details: { name: 'ruby@sha256:0123abcd', group: 'image.openshift.io', kind: 'imagestreamimage' },
        code: 404,
      });
    });

    test('a missing stream is a 404 naming the stream alone and the plural kind', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('demo', `${'a'.repeat(300)}@sha256:abc`), admin);
      expect(JSON.parse(answer.body)).toMatchObject({
        message: `imagestreamimages.image.openshift.io "${'a'.repeat(300)}" not found`,
        details: { name: 'a'.repeat(300), group: 'image.openshift.io', kind: 'imagestreamimages' },
      });
    });

    test('a newline in the id is quoted as \\n in the 404 message', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('demo', 'ruby@abc%0A'), admin);
      expect(JSON.parse(answer.body)).toMatchObject({ message: 'imagestreamimage.image.openshift.io "ruby@abc\\n" not found', details: { name: 'ruby@abc\n' } });
    });

    test('the 405 and route 404 carry an empty details object', async () => {
      const post = await rawRequest(harness.gateway.url, isi('demo', 'ruby@abc'), { ...admin, method: 'POST' });
      const collection = await rawRequest(harness.gateway.url, `${API}/namespaces/demo/imagestreamimages`, admin);
      expect(JSON.parse(post.body)).toMatchObject({ code: 405, reason: 'MethodNotAllowed', message: 'the server does not allow this method on the requested resource', details: {} });
      expect(JSON.parse(collection.body)).toMatchObject({ code: 404, reason: 'NotFound', message: 'the server could not find the requested resource', details: {} });
    });

    test('the 200 body is the upstream object: the list digest, its members, no manifest', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('demo', `ubuntu@${manifestList.digest.slice(0, 15)}`), admin);
      const body = JSON.parse(answer.body) as { metadata: { name: string }; image: Record<string, unknown> & { metadata: { name: string }; dockerImageManifests: unknown[] } };
      expect(body.metadata.name).toBe(`ubuntu@${manifestList.digest.slice(0, 15)}`);
      expect(body.image.metadata.name).toBe(manifestList.digest);
      expect(body.image.dockerImageManifests).toHaveLength(4);
      expect(body.image).not.toHaveProperty('dockerImageManifest');
      expect(answer.body.endsWith('}\n')).toBe(true);
      expect(answer.body).not.toContain('\n ');
    });

    test('?pretty=true indents by two spaces', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('demo', `ubuntu@${manifestList.digest}`, '?pretty=true'), admin);
      expect(answer.body.startsWith('{\n  "kind": "ImageStreamImage",\n  "apiVersion": "image.openshift.io/v1",\n')).toBe(true);
    });

    test('a token for another namespace gets the upstream 403 unchanged', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('openshift', `python@${signedImage.digest}`), { token: DEVELOPER_TOKEN });
      expect(JSON.parse(answer.body)).toMatchObject({
        code: 403,
        reason: 'Forbidden',
        message: `imagestreamimages.image.openshift.io "python@${signedImage.digest}" is forbidden: User "developer" cannot get resource "imagestreamimages" in API group "image.openshift.io" in the namespace "openshift"`,
      });
    });
  });
});

const OK_ROWS = ROWS.filter((row) => row.status === 200 && row.request === admin && !row.path.includes('?'));
const FIXED_NOW = Date.parse('2026-12-01T12:00:00Z');
const TABLE_ACCEPTS = [
  'application/json;as=Table;v=v1;g=meta.k8s.io',
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json',
  'application/json;as=Table;v=v1beta1;g=meta.k8s.io',
  'application/json;q=0.5, application/json;as=Table;v=v1;g=meta.k8s.io',
  '*/*, application/json;as=Table;v=v1;g=meta.k8s.io',
];

describe('server-side tables through the gateway equal the demo cluster\'s, cell for cell, with a fixed clock', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ lendCredentials: false, demo: { now: () => FIXED_NOW }, server: { now: () => FIXED_NOW } });
  });
  afterAll(() => harness.stop());

  test.each(OK_ROWS.flatMap((row) => TABLE_ACCEPTS.map((accept) => [row.what, accept, row] as const)))('%s, Accept: %s', async (_what, accept, row) => {
    const request = { ...row.request, headers: { accept } };
    const direct = await rawRequest(harness.demo.url, row.path, request);
    const through = await rawRequest(harness.gateway.url, row.path, request);
    expect(direct.status).toBe(200);
    expect(comparable(through)).toEqual(comparable(direct));
  });
});

/** Who asks: every caller the API server distinguishes. */
const CALLERS: Array<[who: string, token: string | null]> = [
  ['the admin', DEMO_ADMIN_TOKEN],
  ['a reader of demo and team-a', DEVELOPER_TOKEN],
  ['a viewer of demo only', VIEWER_TOKEN],
  ['a user without bindings', OUTSIDER_TOKEN],
  ['no token', null],
];

/** Rows every caller sends alike: GETs, and not the few names the gateway answers itself (dot segments). */
const uncarryable = (path: string): boolean => /\/namespaces\/\.\.?\/|\/imagestreamimages\/\.\.?$/.test(path);
const MATRIX_ROWS = ROWS.filter((row) => (row.request?.method ?? 'GET') === 'GET' && row.request?.token !== undefined && !uncarryable(row.path));

describe('every row, asked by every kind of caller, through the gateway equals the demo cluster', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ lendCredentials: false });
  });
  afterAll(() => harness.stop());

  test.each(MATRIX_ROWS.flatMap((row) => CALLERS.map(([who, token]) => [row.what, who, row, token] as const)))('%s, asked by %s', async (_what, _who, row, token) => {
    const request = { ...row.request, token };
    const direct = await rawRequest(harness.demo.url, row.path, request);
    const through = await rawRequest(harness.gateway.url, row.path, request);
    expect({ ...comparable(through), cacheControl: through.headers['cache-control'] }).toEqual({ ...comparable(direct), cacheControl: direct.headers['cache-control'] });
  });
});
