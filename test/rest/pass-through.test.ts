// The paths Kubernetes clients ask around the resource are the API server's own answers, asked
// with the caller's token; every other path under the Kubernetes prefixes is the router's 404
// Status, and anything else a plain JSON 404.
import { DEMO_ADMIN_TOKEN, OUTSIDER_TOKEN } from '../../src/demo/demo-tokens';
import { routeNotFoundStatus } from '../../src/openshift/status';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { rawRequest, type RawAnswer } from './raw-request';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ lendCredentials: false });
});
afterAll(() => harness.stop());

const comparable = (answer: RawAnswer) => ({ status: answer.status, contentType: answer.contentType, body: JSON.parse(answer.body) as unknown });

test.each([
  ['the namespace kubectl checks after a NotFound', '/api/v1/namespaces/demo', DEMO_ADMIN_TOKEN],
  ['a namespace that does not exist', '/api/v1/namespaces/nosuch', DEMO_ADMIN_TOKEN],
  ['a namespace the caller may not read', '/api/v1/namespaces/demo', OUTSIDER_TOKEN],
  ['the version', '/version', DEMO_ADMIN_TOKEN],
  ['the version without a token (public on an API server)', '/version', null],
  ['OpenAPI v2', '/openapi/v2', DEMO_ADMIN_TOKEN],
  ['OpenAPI v3 of the image group', '/openapi/v3/apis/image.openshift.io/v1', DEMO_ADMIN_TOKEN],
])('%s is the API server\'s own answer, asked once with the caller token', async (_what, path, token) => {
  harness.demo.resetRequests();
  const through = await rawRequest(harness.gateway.url, path, { token });
  expect(harness.demo.requests.map((r) => [r.url, r.authorization ?? null])).toEqual([[path, token ? `Bearer ${token}` : `Bearer ${DEMO_ADMIN_TOKEN}`]]);
  expect(comparable(through)).toEqual(comparable(await rawRequest(harness.demo.url, path, { token: token ?? DEMO_ADMIN_TOKEN })));
});

test('a namespace without a token is 401, asking nothing', async () => {
  harness.demo.resetRequests();
  const answer = await rawRequest(harness.gateway.url, '/api/v1/namespaces/demo', { token: null });
  expect([answer.status, JSON.parse(answer.body).reason]).toEqual([401, 'Unauthorized']);
  expect(harness.demo.requests).toEqual([]);
});

test.each(['/api/v1/pods', '/apis/apps/v1', '/openapi/v3/apis/apps/v1', '/openapi/v1', '/api/v1/namespaces/demo/secrets'])(
  '%s is the router\'s 404 Status, with the headers the API server sends',
  async (path) => {
    harness.demo.resetRequests();
    const answer = await rawRequest(harness.gateway.url, path, { token: DEMO_ADMIN_TOKEN });
    expect(answer.status).toBe(404);
    expect(answer.headers['cache-control']).toBe('no-cache, private');
    // The router's Status, whose bytes test/openshift/status.test.ts fixes.
    expect(JSON.parse(answer.body)).toEqual(routeNotFoundStatus());
    expect(harness.demo.requests).toEqual([]);
  },
);

test('a path outside the API and /graphql is a plain JSON 404', async () => {
  const answer = await rawRequest(harness.gateway.url, '/swagger.json');
  expect(answer.status).toBe(404);
  expect(JSON.parse(answer.body)).toEqual({ statusCode: 404, error: 'Not Found', message: 'no route GET /swagger.json; GraphQL is served at /graphql' });
});

test.each([
  ['an ImageStreamImage', '/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@sha256:00'],
  ['discovery', '/apis'],
  ['a 401', '/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@sha256:00'],
])('%s carries Cache-Control: no-cache, private', async (what, path) => {
  const answer = await rawRequest(harness.gateway.url, path, { token: what === 'a 401' ? null : DEMO_ADMIN_TOKEN });
  expect(answer.headers['cache-control']).toBe('no-cache, private');
});
