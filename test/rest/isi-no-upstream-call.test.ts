// What the REST route asks the API server, and what it answers itself. Every name a path can
// carry goes upstream once, with the caller's token, so the API server authorizes first and its
// own answer comes back; the gateway answers alone only what needs no upstream at all (no
// token, a method it does not serve, a path outside imagestreamimages) and the few names that
// cannot travel unchanged (dot segments, NUL).
import { DEMO_ADMIN_TOKEN, OUTSIDER_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { rawRequest, type RawRequest } from './raw-request';

const API = '/apis/image.openshift.io/v1';
const isi = (namespace: string, name: string): string => `${API}/namespaces/${namespace}/imagestreamimages/${name}`;
const admin: RawRequest = { token: DEMO_ADMIN_TOKEN };
const outsider: RawRequest = { token: OUTSIDER_TOKEN };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ lendCredentials: false });
});
afterAll(async () => {
  await harness.stop();
});

const LOCAL: Array<[what: string, path: string, request: RawRequest, status: number]> = [
  ['no token', isi('demo', `ubuntu@${SAMPLES.manifestList.digest}`), { token: null }, 401],
  ['a Basic Authorization header', isi('demo', 'ruby@abc'), { headers: { authorization: 'Basic ZGVtbzpkZW1v' } }, 401],
  ['POST on the item', isi('demo', 'ruby@abc'), { ...admin, method: 'POST' }, 405],
  ['name ".."', isi('demo', '..'), admin, 400],
  ['namespace ".."', isi('..', 'ruby@abc'), admin, 404],
  ['a NUL in the name', isi('demo', 'ru%00by@abc'), admin, 404],
  ['a dot segment after the name', isi('demo', 'ruby@abc/..'), admin, 404],
];

test.each(LOCAL.map(([what, path, request, status]) => ({ what, path, request, status })))(
  '$what: answered $status by the gateway, equal to the demo cluster, with no upstream request',
  async ({ path, request, status }) => {
    harness.demo.resetRequests();
    const answer = await rawRequest(harness.gateway.url, path, request);
    expect(harness.demo.requests).toEqual([]);
    const direct = await rawRequest(harness.demo.url, path, request);
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body)).toEqual(JSON.parse(direct.body));
  },
);

const FORWARDED: Array<[what: string, path: string]> = [
  ['no "@"', isi('demo', 'ruby')],
  ['two "@"', isi('demo', 'a@b@c')],
  ['a stream part ".."', isi('demo', '..@sha256:abc')],
  ['an empty id', isi('demo', 'ruby@')],
  ['a "%" in the stream', isi('demo', 'ru%25by@abc')],
  ['a 5000-character name', isi('demo', 'x'.repeat(5000))],
  ['a 300-character stream', isi('demo', `${'a'.repeat(300)}@sha256:abc`)],
  ['a 250-character stream with a full digest', isi('demo', `${'a'.repeat(250)}@${SAMPLES.manifestList.digest}`)],
  ['a newline in the stream', isi('demo', 'a%0Ab@abc')],
  ['an escaped slash', isi('demo', '..%2Fruby@abc')],
  ['the collection', `${API}/namespaces/demo/imagestreamimages`],
];

describe.each([
  ['a reader of the namespace', admin],
  ['a caller without rights', outsider],
])('%s', (_who, request) => {
  test.each(FORWARDED)('%s: one upstream GET with the caller token, and the API server\'s own answer', async (_what, path) => {
    harness.demo.resetRequests();
    const answer = await rawRequest(harness.gateway.url, path, request);
    expect(harness.demo.requests.map((r) => [r.method, r.authorization])).toEqual([['GET', `Bearer ${request.token}`]]);
    const direct = await rawRequest(harness.demo.url, path, request);
    expect([answer.status, JSON.parse(answer.body)]).toEqual([direct.status, JSON.parse(direct.body)]);
    if (request === outsider) expect(answer.status).toBe(403);
  });
});

test('answers the router\'s 404 for a resource it does not serve, asking nothing upstream', async () => {
  harness.demo.resetRequests();
  const answer = await rawRequest(harness.gateway.url, `${API}/namespaces/demo/imagestreams/ruby`, admin);
  expect([answer.status, JSON.parse(answer.body).message]).toEqual([404, 'the server could not find the requested resource']);
  expect(harness.demo.requests).toEqual([]);
});

test('sends the path of an escaped slash byte for byte', async () => {
  harness.demo.resetRequests();
  await rawRequest(harness.gateway.url, isi('demo', '..%2Fruby@abc'), admin);
  expect(harness.demo.requests.map((r) => r.url)).toEqual([isi('demo', '..%2Fruby@abc')]);
});
