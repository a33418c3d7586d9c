// openshift-rest-client, a client nobody here wrote: it reads /openapi/v2 at start-up to build its
// calls, then reads an ImageStreamImage through the gateway as it reads it from the API server.
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';

// CommonJS without types: its one export used here is OpenshiftClient(settings).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OpenshiftClient: openshiftRestClient } = require('openshift-rest-client') as { OpenshiftClient: (settings: { config: object }) => Promise<unknown> };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ lendCredentials: false });
});
afterAll(() => harness.stop());

const kubeconfig = (server: string) => ({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [{ name: 'c', cluster: { server, 'insecure-skip-tls-verify': true } }],
  users: [{ name: 'u', user: { token: DEMO_ADMIN_TOKEN } }],
  contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
  'current-context': 'x',
});

interface ImageApi {
  apis: Record<string, { v1: { namespaces(ns: string): { imagestreamimages(name: string): { get(): Promise<{ statusCode: number; body: unknown }> } } } }>;
}

test('reads its spec from /openapi/v2 and an ImageStreamImage through the gateway equal to the API server\'s, printing no warning', async () => {
  const warnings: unknown[] = [];
  const warn = jest.spyOn(console, 'warn').mockImplementation((...args) => void warnings.push(args));
  try {
    const name = `ubuntu@${SAMPLES.manifestList.digest}`;
    const read = async (server: string) => {
      const client = (await openshiftRestClient({ config: kubeconfig(server) })) as unknown as ImageApi;
      return client.apis['image.openshift.io']!.v1.namespaces('demo').imagestreamimages(name).get();
    };
    harness.demo.resetRequests();
    const through = await read(harness.gateway.url);
    expect(harness.demo.requests.map((r) => r.url)).toEqual(['/openapi/v2', `/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/${name}`]);
    const direct = await read(harness.demo.url);
    expect(through.statusCode).toBe(200);
    expect(through.body).toEqual(direct.body);
    expect(warnings).toEqual([]);
  } finally {
    warn.mockRestore();
  }
});
