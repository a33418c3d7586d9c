// Answers that follow from the request alone are made without asking the API server.
import { DEMO_ADMIN_TOKEN, OUTSIDER_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { rawRequest, type RawRequest } from './raw-request';

const API = '/apis/image.openshift.io/v1';
const isi = (namespace: string, name: string): string => `${API}/namespaces/${namespace}/imagestreamimages/${name}`;
const admin: RawRequest = { token: DEMO_ADMIN_TOKEN };

const REFUSED: Array<[what: string, path: string, request: RawRequest, status: number]> = [
  ['no token', isi('demo', `ubuntu@${SAMPLES.manifestList.digest}`), { token: null }, 401],
  ['a Basic Authorization header', isi('demo', 'ruby@abc'), { headers: { authorization: 'Basic ZGVtbzpkZW1v' } }, 401],
  ['no "@"', isi('demo', 'ruby'), admin, 400],
  ['two "@"', isi('demo', 'a@b@c'), admin, 400],
  ['empty id part', isi('demo', 'ruby@'), admin, 400],
  ['name ".."', isi('demo', '..'), admin, 400],
  ['stream part ".."', isi('demo', '..@sha256:abc'), admin, 400],
  ['stream part with "%"', isi('demo', 'ru%25by@abc'), admin, 400],
  ['a 5000-character name without "@"', isi('demo', 'x'.repeat(5000)), admin, 400],
  ['a 300-character stream part', isi('demo', `${'a'.repeat(300)}@sha256:abc`), admin, 404],
  ['namespace ".."', isi('..', 'ruby@abc'), admin, 404],
  ['a%2Fb', isi('demo', 'a%2Fb'), admin, 404],
  ['the collection', `${API}/namespaces/demo/imagestreamimages`, admin, 404],
  ['POST on the item', isi('demo', 'ruby@abc'), { ...admin, method: 'POST' }, 405],
];

describe('refusals the gateway makes without an upstream call', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ lendCredentials: false });
  });
  afterAll(async () => {
    await harness.stop();
  });

  test.each(REFUSED.map(([what, path, request, status]) => ({ what, path, request, status })))(
    '$what: answered $status, no request reaches the API server',
    async ({ path, request, status }) => {
    harness.demo.resetRequests();
    const answer = await rawRequest(harness.gateway.url, path, request);
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body)).toMatchObject({ kind: 'Status', code: status });
      expect(harness.demo.requests).toEqual([]);
    },
  );

  test('a forwardable name costs exactly one upstream GET, with the caller token', async () => {
    harness.demo.resetRequests();
    const answer = await rawRequest(harness.gateway.url, isi('demo', 'ruby@latest'), admin);
    expect(answer.status).toBe(404);
    expect(harness.demo.requests.map((r) => [r.method, r.url, r.authorization])).toEqual([
      ['GET', isi('demo', 'ruby@latest'), `Bearer ${DEMO_ADMIN_TOKEN}`],
    ]);
  });

  test('an id the adapter cannot send is probed with a stand-in that matches nothing', async () => {
    harness.demo.resetRequests();
    const answer = await rawRequest(harness.gateway.url, isi('demo', 'ruby@abc%25'), admin);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 404, details: { name: 'ruby@abc%', kind: 'imagestreamimage' } });
    expect(harness.demo.requests.map((r) => r.url)).toEqual([isi('demo', 'ruby@-')]);
  });

  test('a malformed name is refused with 400 before authorization, where the API server would answer 403', async () => {
    harness.demo.resetRequests();
    const answer = await rawRequest(harness.gateway.url, isi('demo', 'a@b@c'), { token: OUTSIDER_TOKEN });
    const direct = await rawRequest(harness.demo.url, isi('demo', 'a@b@c'), { token: OUTSIDER_TOKEN });
    expect([answer.status, direct.status]).toEqual([400, 403]);
  });
});
