// Discovery, server-side Tables, HTTPS and upstream failures on the REST surface.
import fs from 'node:fs';
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';
import { makeTlsFixture } from '../kube/tls-fixture';
import { rawRequest } from './raw-request';

const API = '/apis/image.openshift.io/v1';
const isi = (namespace: string, name: string, query = ''): string => `${API}/namespaces/${namespace}/imagestreamimages/${name}${query}`;
const { manifestList, manifestListMembers } = SAMPLES;
const admin = { token: DEMO_ADMIN_TOKEN };
/** What kubectl sends for `kubectl get`. */
const KUBECTL_TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

describe('the REST surface over HTTP', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ lendCredentials: false, timeoutMs: 500, retries: 0 });
  });
  afterAll(async () => {
    await harness.stop();
  });
  afterEach(() => {
    harness.demo.faults = {};
  });

  describe('discovery', () => {
    test('/apis lists image.openshift.io/v1 as the preferred version, as plain application/json and without a token', async () => {
      const answer = await rawRequest(harness.gateway.url, '/apis', { headers: { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' } });
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('application/json');
      const groupVersion = { groupVersion: 'image.openshift.io/v1', version: 'v1' };
      expect(JSON.parse(answer.body)).toEqual({
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [{ name: 'image.openshift.io', versions: [groupVersion], preferredVersion: groupVersion }],
      });
    });

    test('/apis/image.openshift.io is the APIGroup', async () => {
      const answer = await rawRequest(harness.gateway.url, '/apis/image.openshift.io');
      expect(JSON.parse(answer.body)).toMatchObject({ kind: 'APIGroup', apiVersion: 'v1', name: 'image.openshift.io', preferredVersion: { version: 'v1' } });
    });

    test('/apis/image.openshift.io/v1 lists only imagestreamimages, get-only, short name isimage', async () => {
      const answer = await rawRequest(harness.gateway.url, API);
      expect(JSON.parse(answer.body)).toEqual({
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: 'image.openshift.io/v1',
        resources: [{ name: 'imagestreamimages', singularName: 'imagestreamimage', namespaced: true, kind: 'ImageStreamImage', verbs: ['get'], shortNames: ['isimage'] }],
      });
    });

    test('the imagestreamimages entry equals the upstream one', async () => {
      const upstream = JSON.parse((await rawRequest(harness.demo.url, API, admin)).body) as { resources: Array<{ name: string }> };
      const gateway = JSON.parse((await rawRequest(harness.gateway.url, API)).body) as { resources: unknown[] };
      expect(gateway.resources).toEqual(upstream.resources.filter((resource) => resource.name === 'imagestreamimages'));
    });

    test('/api names no core versions, so clients do not ask /api/v1', async () => {
      const api = JSON.parse((await rawRequest(harness.gateway.url, '/api')).body) as unknown;
      expect(api).toEqual({
        kind: 'APIVersions',
        versions: [],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: new URL(harness.gateway.url).host }],
      });
    });

    test("/version is the API server's own, so clients see the cluster's version", async () => {
      const answer = await rawRequest(harness.gateway.url, '/version');
      expect(JSON.parse(answer.body)).toEqual(JSON.parse((await rawRequest(harness.demo.url, '/version', { token: DEMO_ADMIN_TOKEN })).body));
    });

    test('another resource of the group is not served: 404 Status', async () => {
      const answer = await rawRequest(harness.gateway.url, `${API}/namespaces/demo/imagestreams/ruby`, admin);
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.body)).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource' });
    });
  });

  describe('server-side Table', () => {
    test('kubectl\'s Accept header gets the four OpenShift columns, the last two priority 1', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('demo', `ubuntu@${manifestListMembers.amd64}`), { ...admin, headers: { accept: KUBECTL_TABLE_ACCEPT } });
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
      const table = JSON.parse(answer.body) as { kind: string; apiVersion: string; columnDefinitions: Array<{ name: string; priority: number; format: string }>; rows: Array<{ cells: string[]; object: { kind: string; metadata: { name: string } } }> };
      expect([table.kind, table.apiVersion]).toEqual(['Table', 'meta.k8s.io/v1']);
      expect(table.columnDefinitions.map((column) => [column.name, column.priority, column.format])).toEqual([
        ['Name', 0, 'name'],
        ['Updated', 0, ''],
        ['Image Reference', 1, ''],
        ['Image Name', 1, ''],
      ]);
      expect(table.rows).toHaveLength(1);
      const [name, updated, reference, imageName] = table.rows[0]!.cells;
      expect(name).toBe(`ubuntu@${manifestListMembers.amd64}`);
      expect(updated).toMatch(/^\d+ (months|years) ago$/);
      expect(reference).toBe(`docker.io/library/ubuntu@${manifestListMembers.amd64}`);
      expect(imageName).toBe(manifestListMembers.amd64);
      expect(table.rows[0]!.object).toMatchObject({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: `ubuntu@${manifestListMembers.amd64}`, namespace: 'demo' } });
    });

    test('name, reference and image name equal the demo cluster\'s cells; Updated is go-units\' "N years ago"', async () => {
      const path = isi('demo', `ubuntu@${manifestList.digest.slice(0, 12)}`);
      const cells = async (base: string) =>
        (JSON.parse((await rawRequest(base, path, { ...admin, headers: { accept: KUBECTL_TABLE_ACCEPT } })).body) as { rows: Array<{ cells: string[] }> }).rows[0]?.cells ?? [];
      const [gateway, demo] = [await cells(harness.gateway.url), await cells(harness.demo.url)];
      expect([gateway[0], gateway[2], gateway[3]]).toEqual([demo[0], demo[2], demo[3]]);
      expect(gateway[1]).toMatch(/^\d+ years ago$/);
    });

    test('?includeObject=Object carries the whole upstream object in the row', async () => {
      const path = isi('demo', `ubuntu@${manifestList.digest}`);
      const direct = JSON.parse((await rawRequest(harness.demo.url, path, admin)).body) as unknown;
      const table = JSON.parse((await rawRequest(harness.gateway.url, `${path}?includeObject=Object`, { ...admin, headers: { accept: KUBECTL_TABLE_ACCEPT } })).body) as { rows: Array<{ object: unknown }> };
      expect(table.rows[0]?.object).toEqual(direct);
    });

    test('a v1beta1 Table is served when only it is accepted', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('demo', `ubuntu@${manifestList.digest}`), { ...admin, headers: { accept: 'application/json;as=Table;v=v1beta1;g=meta.k8s.io' } });
      expect(answer.contentType).toBe('application/json;as=Table;v=v1beta1;g=meta.k8s.io');
      expect(JSON.parse(answer.body)).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1beta1' });
    });

    test('a failed GET answers its Status, not a Table', async () => {
      const answer = await rawRequest(harness.gateway.url, isi('demo', 'ruby@sha256:0123abcd'), { ...admin, headers: { accept: KUBECTL_TABLE_ACCEPT } });
      expect(answer.status).toBe(404);
      expect(answer.contentType).toBe('application/json');
      expect(JSON.parse(answer.body)).toMatchObject({ kind: 'Status', reason: 'NotFound' });
    });
  });

  describe('upstream failures', () => {
    test('an upstream 503 passes through with its Retry-After', async () => {
      harness.demo.faults = { errorRate: 1 };
      const path = isi('demo', `ubuntu@${manifestList.digest}`);
      const through = await rawRequest(harness.gateway.url, path, admin);
      const direct = await rawRequest(harness.demo.url, path, admin);
      expect([through.status, through.headers['retry-after']]).toEqual([503, '1']);
      expect(JSON.parse(through.body)).toEqual(JSON.parse(direct.body));
    });

    test('an upstream that does not answer in time is a 504 Timeout Status with Retry-After', async () => {
      harness.demo.faults = { hangRate: 1 };
      const answer = await rawRequest(harness.gateway.url, isi('demo', `ubuntu@${manifestList.digest}`), admin);
      expect(answer.status).toBe(504);
      expect(answer.headers['retry-after']).toBe('1');
      expect(JSON.parse(answer.body)).toMatchObject({ kind: 'Status', code: 504, reason: 'Timeout', details: { retryAfterSeconds: 1 } });
    });
  });
});

describe('the REST surface in demo mode', () => {
  test('a request without a token is answered with the gateway\'s lent credentials', async () => {
    const harness = await startHarness({ lendCredentials: true });
    try {
      const answer = await rawRequest(harness.gateway.url, isi('demo', `ubuntu@${manifestList.digest}`), { token: null });
      expect(answer.status).toBe(200);
      expect(harness.demo.requests.at(-1)?.authorization).toBe(`Bearer ${DEMO_ADMIN_TOKEN}`);
    } finally {
      await harness.stop();
    }
  });
});

describe('the REST surface when the API server is gone', () => {
  test('an unreachable upstream is a 503 ServiceUnavailable Status with Retry-After', async () => {
    const harness = await startHarness({ lendCredentials: false, timeoutMs: 500, retries: 0 });
    try {
      await harness.demo.stop();
      const answer = await rawRequest(harness.gateway.url, isi('demo', `ubuntu@${manifestList.digest}`), admin);
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('1');
      expect(JSON.parse(answer.body)).toMatchObject({ kind: 'Status', code: 503, reason: 'ServiceUnavailable' });
    } finally {
      await harness.stop();
    }
  });
});

describe('the REST surface over HTTPS', () => {
  test('serves the upstream object with the caller\'s token over TLS', async () => {
    const tls = makeTlsFixture();
    const harness = await startHarness({ lendCredentials: false, server: { tls: { cert: tls.serverCert, key: tls.serverKey } } });
    try {
      expect(harness.gateway.url).toMatch(/^https:\/\//);
      const path = isi('demo', `ubuntu@${manifestList.digest}`);
      const through = await rawRequest(harness.gateway.url, path, admin);
      const direct = await rawRequest(harness.demo.url, path, admin);
      expect(through.status).toBe(200);
      expect(JSON.parse(through.body)).toEqual(JSON.parse(direct.body));
      expect(harness.demo.requests.at(-2)?.authorization).toBe(`Bearer ${DEMO_ADMIN_TOKEN}`);
    } finally {
      await harness.stop();
      fs.rmSync(tls.dir, { recursive: true, force: true });
    }
  });
});
