import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import { humanDuration } from '../../src/openshift/human-duration';
import { SAMPLES } from '../../src/demo/sample-data';
import { body, IMAGE_API, isiPath, request } from './demo-client';

const KUBECTL_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

interface Table {
  kind: string;
  apiVersion: string;
  metadata: Record<string, unknown>;
  columnDefinitions: Array<{ name: string; type: string; format: string; priority: number }>;
  rows: Array<{ cells: unknown[]; object?: { kind: string; apiVersion: string; metadata: Record<string, unknown> } }>;
}

let cluster: DemoCluster;
beforeAll(async () => {
  cluster = await startDemoCluster();
});
afterAll(() => cluster.stop());

describe('server-side Table for imagestreamimages (behaviour §8), printed by src/openshift/table', () => {
  it('answers kubectl’s Accept with four columns, two of them wide, and a PartialObjectMetadata row', async () => {
    const answer = await request(cluster.url, isiPath('demo', 'ubuntu@sha256:ca013ac5'), { headers: { accept: KUBECTL_ACCEPT } });
    expect(answer.status).toBe(200);
    const table = body<Table>(answer);
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    // An ISI has no resource version; ListMeta leaves the empty one out.
    expect(table.metadata).toEqual({});
    expect(answer.headers['content-type']).toBe('application/json;as=Table;v=v1;g=meta.k8s.io');
    expect(table.columnDefinitions.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Updated', 'string', '', 0],
      ['Image Reference', 'string', '', 1],
      ['Image Name', 'string', '', 1],
    ]);
    expect(table.rows).toHaveLength(1);
    const [name, updated, reference, imageName] = table.rows[0]?.cells ?? [];
    expect(name).toBe('ubuntu@sha256:ca013ac5');
    expect(updated).toMatch(/^\d+ years ago$/);
    expect(reference).toBe(`docker.io/library/ubuntu@${SAMPLES.manifestListMembers.amd64}`);
    expect(imageName).toBe(SAMPLES.manifestListMembers.amd64);
    expect(table.rows[0]?.object).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: {
        name: 'ubuntu@sha256:ca013ac5',
        namespace: 'demo',
        creationTimestamp: '2024-05-02T09:14:03Z',
        annotations: { 'openshift.io/image.dockerRepositoryCheck': '2024-05-02T09:14:03Z' },
      },
    });
  });

  it('humanizes the age of the image, not of the stream', async () => {
    const answer = body<Table>(await request(cluster.url, isiPath('demo', 'ubuntu@sha256:ca013ac5'), { headers: { accept: KUBECTL_ACCEPT } }));
    expect(answer.rows[0]?.cells[1]).toBe(`${humanDuration(Date.now() - Date.parse('2024-05-02T09:14:03Z'))} ago`);
  });

  it('puts the whole ISI in the row for includeObject=Object and nothing for None', async () => {
    const full = body<Table>(await request(cluster.url, `${isiPath('demo', 'ubuntu@sha256:ca013ac5')}?includeObject=Object`, { headers: { accept: KUBECTL_ACCEPT } }));
    expect(full.rows[0]?.object?.kind).toBe('ImageStreamImage');
    expect(full.rows[0]?.object).toHaveProperty('image.metadata.name', SAMPLES.manifestListMembers.amd64);
    const none = body<Table>(await request(cluster.url, `${isiPath('demo', 'ubuntu@sha256:ca013ac5')}?includeObject=None`, { headers: { accept: KUBECTL_ACCEPT } }));
    expect(none.rows[0]).not.toHaveProperty('object');
  });

  it('answers meta.k8s.io/v1beta1 when that is what is asked for', async () => {
    const table = body<Table>(
      await request(cluster.url, isiPath('demo', 'ubuntu@sha256:ca013ac5'), { headers: { accept: 'application/json;as=Table;v=v1beta1;g=meta.k8s.io' } }),
    );
    expect([table.apiVersion, table.rows[0]?.object?.apiVersion]).toEqual(['meta.k8s.io/v1beta1', 'meta.k8s.io/v1beta1']);
  });

  it('still answers errors as Status', async () => {
    const answer = await request(cluster.url, isiPath('demo', 'ubuntu@nope'), { headers: { accept: KUBECTL_ACCEPT } });
    expect(answer.status).toBe(404);
    expect(body(answer).kind).toBe('Status');
  });
});

describe('server-side Table for imagestreams', () => {
  it('lists Name, Image Repository, Tags (cut at 40 characters) and Updated', async () => {
    const table = body<Table>(await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreams`, { headers: { accept: KUBECTL_ACCEPT } }));
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Image Repository', 'Tags', 'Updated']);
    const rows = Object.fromEntries(table.rows.map((row) => [row.cells[0], row.cells]));
    // Newest first, as OpenShift's SortStatusTags orders them.
    expect(rows.big?.[2]).toBe('v12,v11,v10,v09,v08,v07,v06,v05,v04,v03 + 2 more...');
    expect(rows.frontend?.[1]).toBe('default-route-openshift-image-registry.apps.demo.example.com/demo/frontend');
    expect(rows.pending?.slice(2)).toEqual(['', '']);
    expect(rows.ruby?.[3]).toMatch(/ ago$/);
  });
});
