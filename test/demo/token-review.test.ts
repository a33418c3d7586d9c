import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import { DEMO_ADMIN_TOKEN, DEVELOPER_TOKEN } from '../../src/demo/demo-tokens';
import { TOKEN_REVIEWS_PATH } from '../../src/demo/token-review';

let cluster: DemoCluster;
beforeAll(async () => {
  cluster = await startDemoCluster();
});
afterAll(() => cluster.stop());

const review = (token: string, as: string) =>
  fetch(`${cluster.url}${TOKEN_REVIEWS_PATH}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
    body: JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } }),
  });

test('answers a TokenReview of one of its tokens with the user, 201', async () => {
  const answer = await review(DEVELOPER_TOKEN, DEMO_ADMIN_TOKEN);
  expect(answer.status).toBe(201);
  expect(((await answer.json()) as { status: unknown }).status).toEqual({ authenticated: true, user: { username: 'developer', groups: ['system:authenticated'] } });
});

test('answers a TokenReview of an unknown token as not authenticated', async () => {
  const answer = await review('made-up', DEMO_ADMIN_TOKEN);
  expect(((await answer.json()) as { status: unknown }).status).toEqual({ user: {} });
});

test('lets only its admin create reviews', async () => {
  const answer = await review(DEVELOPER_TOKEN, DEVELOPER_TOKEN);
  expect(answer.status).toBe(403);
  expect(((await answer.json()) as { reason: string }).reason).toBe('Forbidden');
});
