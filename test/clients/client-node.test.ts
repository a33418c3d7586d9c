// @kubernetes/client-node, a real Kubernetes client nobody here wrote, reads an ImageStreamImage
// through the gateway's REST route exactly as it reads it from the API server.
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { DEMO_ADMIN_TOKEN, OUTSIDER_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ lendCredentials: false });
});
afterAll(() => harness.stop());

function client(server: string, token: string): CustomObjectsApi {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'c', server, skipTLSVerify: true }],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return config.makeApiClient(CustomObjectsApi);
}

const request = {
  group: 'image.openshift.io',
  version: 'v1',
  namespace: 'demo',
  plural: 'imagestreamimages',
  name: `ubuntu@${SAMPLES.manifestList.digest}`,
};

test('CustomObjectsApi.getNamespacedCustomObject reads the same ImageStreamImage through the gateway as from the API server', async () => {
  const warnings: unknown[] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((...args) => void warnings.push(args));
  try {
    const through = await client(harness.gateway.url, DEMO_ADMIN_TOKEN).getNamespacedCustomObject(request);
    const direct = await client(harness.demo.url, DEMO_ADMIN_TOKEN).getNamespacedCustomObject(request);
    expect(through).toEqual(direct);
    expect((through as { image: { metadata: { name: string } } }).image.metadata.name).toBe(SAMPLES.manifestList.digest);
    expect(warnings).toEqual([]);
  } finally {
    warn.mockRestore();
  }
});

test('a caller without rights gets the API server\'s 403, as from the API server', async () => {
  const failure = (server: string) =>
    client(server, OUTSIDER_TOKEN)
      .getNamespacedCustomObject(request)
      .then(
        () => undefined,
        (error: { code?: number; body?: string }) => ({ code: error.code, body: JSON.parse(error.body ?? '{}') as unknown }),
      );
  const [through, direct] = [await failure(harness.gateway.url), await failure(harness.demo.url)];
  expect(through).toEqual(direct);
  expect(through?.code).toBe(403);
});
