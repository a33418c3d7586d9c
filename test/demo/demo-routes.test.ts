import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import type { Image, ImageStream, ImageStreamTag } from '../../src/demo/image-types';
import { referenceForTagEvent } from '../../src/demo/istag-reader';
import { SAMPLE_DATA, SAMPLES } from '../../src/demo/sample-data';
import { body, IMAGE_API, isiPath, request } from './demo-client';
import { IMAGE_STREAM_IMAGE_DOC } from '../../src/openshift/field-docs';

const ROUTE_NOT_FOUND_WIRE =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}\n';
const METHOD_NOT_ALLOWED_WIRE =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server does not allow this method on the requested resource","reason":"MethodNotAllowed","details":{},"code":405}\n';

let cluster: DemoCluster;
beforeAll(async () => {
  cluster = await startDemoCluster();
});
afterAll(() => cluster.stop());

describe('discovery (§8)', () => {
  it('answers /api with APIVersions naming this server', async () => {
    const answer = await request(cluster.url, '/api');
    expect(body(answer)).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: new URL(cluster.url).host }],
    });
  });

  it('answers /apis with an APIGroupList holding image.openshift.io, as plain application/json even to aggregated-discovery clients', async () => {
    const answer = await request(cluster.url, '/apis', {
      headers: { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' },
    });
    expect(answer.headers['content-type']).toBe('application/json');
    const group = { groupVersion: 'image.openshift.io/v1', version: 'v1' };
    expect(body(answer)).toEqual({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [{ name: 'image.openshift.io', versions: [group], preferredVersion: group }],
    });
    expect(body(await request(cluster.url, '/apis/image.openshift.io'))).toEqual({
      kind: 'APIGroup',
      apiVersion: 'v1',
      name: 'image.openshift.io',
      versions: [group],
      preferredVersion: group,
    });
  });

  it('answers /apis/image.openshift.io/v1 with the APIResourceList of §8, byte for byte', async () => {
    const answer = await request(cluster.url, '/apis/image.openshift.io/v1');
    expect(answer.text).toBe(
      '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"image.openshift.io/v1","resources":[' +
        '{"name":"images","singularName":"image","namespaced":false,"kind":"Image","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"storageVersionHash":"FX/i8Tt+3Fc="},' +
        '{"name":"imagesignatures","singularName":"imagesignature","namespaced":false,"kind":"ImageSignature","verbs":["create","delete"]},' +
        '{"name":"imagestreamimages","singularName":"imagestreamimage","namespaced":true,"kind":"ImageStreamImage","verbs":["get"],"shortNames":["isimage"]},' +
        '{"name":"imagestreamimports","singularName":"imagestreamimport","namespaced":true,"kind":"ImageStreamImport","verbs":["create"]},' +
        '{"name":"imagestreammappings","singularName":"imagestreammapping","namespaced":true,"kind":"ImageStreamMapping","verbs":["create"]},' +
        '{"name":"imagestreams","singularName":"imagestream","namespaced":true,"kind":"ImageStream","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["is"],"categories":["all"],"storageVersionHash":"mwmf9lCqOiA="},' +
        '{"name":"imagestreams/layers","singularName":"","namespaced":true,"kind":"ImageStreamLayers","verbs":["get"]},' +
        '{"name":"imagestreams/secrets","singularName":"","namespaced":true,"kind":"SecretList","verbs":["get"]},' +
        '{"name":"imagestreams/status","singularName":"","namespaced":true,"kind":"ImageStream","verbs":["get","patch","update"]},' +
        '{"name":"imagestreamtags","singularName":"imagestreamtag","namespaced":true,"kind":"ImageStreamTag","verbs":["create","delete","get","list","patch","update"],"shortNames":["istag"]},' +
        '{"name":"imagetags","singularName":"imagetag","namespaced":true,"kind":"ImageTag","verbs":["create","delete","get","list","patch","update"],"shortNames":["itag"]}]}\n',
    );
  });

  it('answers /version with a version.Info and /api/v1 with the namespaces resource only', async () => {
    expect(body(await request(cluster.url, '/version'))).toMatchObject({ major: '1', minor: '31', gitVersion: 'v1.31.6', platform: 'linux/amd64' });
    expect(body(await request(cluster.url, '/api/v1'))).toEqual({
      kind: 'APIResourceList',
      groupVersion: 'v1',
      resources: [{ name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', verbs: ['get', 'list'], shortNames: ['ns'] }],
    });
  });

  it('answers other non-resource paths with the route-level 404 and other methods with 405', async () => {
    expect((await request(cluster.url, '/openapi/v1')).text).toBe(ROUTE_NOT_FOUND_WIRE);
    expect((await request(cluster.url, '/apis', { method: 'POST' })).text).toBe(METHOD_NOT_ALLOWED_WIRE);
  });
});

describe('route-level answers (§6.6)', () => {
  it('answers GET on the imagestreamimages collection with 404 and an empty details object', async () => {
    const answer = await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreamimages`);
    expect(answer.status).toBe(404);
    expect(answer.text).toBe(ROUTE_NOT_FOUND_WIRE);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'])('answers %s on an ISI item with 405', async (method) => {
    const answer = await request(cluster.url, isiPath('demo', 'ubuntu@sha256:ca013ac5'), { method });
    expect(answer.status).toBe(405);
    if (method !== 'HEAD') expect(answer.text).toBe(METHOD_NOT_ALLOWED_WIRE);
  });

  it('answers POST on the ISI collection with 404: no route there for any method', async () => {
    expect((await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreamimages`, { method: 'POST' })).status).toBe(404);
  });

  it.each([
    `${IMAGE_API}/imagestreamimages/ubuntu@sha256:ca013ac5`,
    `${IMAGE_API}/namespaces/demo/imagestreams/ruby/layers`,
    `${IMAGE_API}/namespaces/demo`,
    '/apis/image.openshift.io/v2/namespaces/demo/imagestreams',
    '/apis/apps/v1/namespaces/demo/deployments',
  ])('answers %s with the route-level 404', async (path) => {
    expect((await request(cluster.url, path)).text).toBe(ROUTE_NOT_FOUND_WIRE);
  });
});

describe('images', () => {
  it('gets one Image with kind and apiVersion, manifest and config as stored', async () => {
    const answer = body<Image & { kind: string; apiVersion: string }>(await request(cluster.url, `${IMAGE_API}/images/${SAMPLES.storedManifestImage.digest}`));
    expect(answer.kind).toBe('Image');
    expect(answer.apiVersion).toBe('image.openshift.io/v1');
    expect(answer.metadata.name).toBe(SAMPLES.storedManifestImage.digest);
    expect(JSON.parse(answer.dockerImageManifest ?? '')).toMatchObject({ schemaVersion: 2 });
  });

  it('answers an unknown image with the images 404', async () => {
    const answer = await request(cluster.url, `${IMAGE_API}/images/sha256:0000`);
    expect(body(answer)).toMatchObject({ message: 'images.image.openshift.io "sha256:0000" not found', details: { name: 'sha256:0000', group: 'image.openshift.io', kind: 'images' } });
  });

  it('lists every image sorted by name, items without kind', async () => {
    const answer = body<{ kind: string; metadata: { resourceVersion: string }; items: Image[] }>(await request(cluster.url, `${IMAGE_API}/images`));
    expect(answer.kind).toBe('ImageList');
    expect(answer.metadata.resourceVersion).toBe(SAMPLE_DATA.resourceVersion);
    expect(answer.items.map((image) => image.metadata.name)).toEqual(SAMPLE_DATA.images.map((image) => image.metadata.name));
    expect(answer.items[0]).not.toHaveProperty('kind');
  });
});

describe('imagestreams', () => {
  it('gets a stream as stored, status tags sorted and newest first', async () => {
    const ruby = body<ImageStream>(await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreams/ruby`));
    expect(ruby.kind).toBe('ImageStream');
    expect(ruby.status.tags?.map((tag) => tag.tag)).toEqual(['3.2', '3.3', 'latest']);
    const latest = ruby.status.tags?.find((tag) => tag.tag === 'latest')?.items ?? [];
    expect(latest.map((item) => item.created)).toEqual([...latest.map((item) => item.created)].sort().reverse());
  });

  it('answers a missing stream with the imagestreams 404', async () => {
    expect(body(await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreams/nope`)).message).toBe('imagestreams.image.openshift.io "nope" not found');
  });

  it('lists a namespace, and all namespaces for the admin', async () => {
    const demo = body<{ kind: string; items: ImageStream[] }>(await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreams`));
    expect(demo.kind).toBe('ImageStreamList');
    expect(demo.items.map((s) => s.metadata.name)).toEqual(['big', 'frontend', 'pending', 'ruby', 'ubuntu']);
    const all = body<{ items: ImageStream[] }>(await request(cluster.url, `${IMAGE_API}/imagestreams`));
    expect(all.items.map((s) => `${s.metadata.namespace}/${s.metadata.name}`)).toEqual([
      'demo/big',
      'demo/frontend',
      'demo/pending',
      'demo/ruby',
      'demo/ubuntu',
      'openshift/httpd',
      'openshift/nodejs',
      'openshift/python',
      'openshift/wildfly',
      'team-a/api',
      'team-a/ml-training',
      'team-a/nginx',
    ]);
  });
});

describe('imagestreamtags', () => {
  it('gets <stream>:<tag>: the newest entry, the spec tag, the image stripped', async () => {
    const { namespace, stream, tag, digest } = SAMPLES.storedManifestImage;
    const istag = body<ImageStreamTag>(await request(cluster.url, `${IMAGE_API}/namespaces/${namespace}/imagestreamtags/${stream}:${tag}`));
    expect(istag.kind).toBe('ImageStreamTag');
    expect(istag.metadata.name).toBe('ruby:3.3');
    expect(istag.metadata.creationTimestamp).toBe('2025-01-20T10:17:45Z');
    expect(istag.tag?.from).toEqual({ kind: 'DockerImage', name: 'registry.access.redhat.com/ubi9/ruby-33:latest' });
    expect(istag.generation).toBe(2);
    expect(istag.lookupPolicy).toEqual({ local: false });
    expect(istag.image.metadata.name).toBe(digest);
    expect(istag.image).not.toHaveProperty('dockerImageManifest');
    expect(istag.image).not.toHaveProperty('dockerImageConfig');
    // Spec tag annotations land on the ISTag and on its image.
    expect(istag.metadata.annotations).toEqual({ 'openshift.io/display-name': 'Ruby 3.3 (UBI 9)', iconClass: 'icon-ruby' });
    expect(istag.image.metadata.annotations).toMatchObject({ iconClass: 'icon-ruby', 'image.openshift.io/dockerLayersOrder': 'ascending' });
  });

  it('carries the conditions of a tag whose re-import failed', async () => {
    const { namespace, stream, tag } = SAMPLES.failedReimportTag;
    const istag = body<ImageStreamTag>(await request(cluster.url, `${IMAGE_API}/namespaces/${namespace}/imagestreamtags/${stream}:${tag}`));
    expect(istag.conditions).toEqual([expect.objectContaining({ type: 'ImportSuccess', status: 'False', reason: 'Unauthorized' })]);
  });

  it.each([
    ['a tag with only a failure condition', `${SAMPLES.failedTag.stream}:${SAMPLES.failedTag.tag}`, 'team-a', 'nginx:mainline'],
    ['a tag that does not exist', 'nginx:nope', 'team-a', 'nginx:nope'],
    ['a stream that does not exist', 'nope:latest', 'team-a', 'nope'],
    ['a spec-only tag', 'pending:1.0', 'demo', 'pending:1.0'],
  ])('answers %s with the imagestreamtags 404', async (_case, name, namespace, reported) => {
    const answer = await request(cluster.url, `${IMAGE_API}/namespaces/${namespace}/imagestreamtags/${name}`);
    expect(answer.status).toBe(404);
    expect(body(answer)).toMatchObject({
      message: `imagestreamtags.image.openshift.io "${reported}" not found`,
      details: { name: reported, group: 'image.openshift.io', kind: 'imagestreamtags' },
    });
  });

  it.each(['ruby', 'ruby:a:b', 'ruby@sha256:abc', ':latest'])('answers the malformed tag name %s with 400', async (name) => {
    const answer = await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreamtags/${name}`);
    expect(answer.status).toBe(400);
    expect(body(answer).message).toBe('ImageStreamTags must be retrieved with <name>:<tag>');
  });

  it('lists every tag with an image, images not loaded', async () => {
    const list = body<{ kind: string; items: ImageStreamTag[] }>(await request(cluster.url, `${IMAGE_API}/namespaces/team-a/imagestreamtags`));
    expect(list.kind).toBe('ImageStreamTagList');
    expect(list.items.map((istag) => istag.metadata.name)).toEqual(['api:dev', 'api:prod', 'api:staging', 'ml-training:latest', 'ml-training:v1', 'ml-training:v2', 'nginx:1.27', 'nginx:latest']);
    expect(list.items[0]?.image.dockerImageLayers).toBeUndefined();
    expect(list.items[0]?.image.dockerImageReference).toMatch(/\/team-a\/api@sha256:/);
  });
});

describe('namespaces (core v1, for kubectl)', () => {
  it('gets the three sample namespaces and 404s others in the core shape', async () => {
    expect(body(await request(cluster.url, '/api/v1/namespaces/team-a'))).toMatchObject({ kind: 'Namespace', metadata: { name: 'team-a' }, status: { phase: 'Active' } });
    expect(body(await request(cluster.url, '/api/v1/namespaces/nope'))).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'namespaces "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', kind: 'namespaces' },
      code: 404,
    });
    const list = body<{ items: Array<{ metadata: { name: string } }> }>(await request(cluster.url, '/api/v1/namespaces'));
    expect(list.items.map((ns) => ns.metadata.name)).toEqual(['demo', 'openshift', 'team-a']);
  });
});

describe('referenceForTagEvent', () => {
  const stream = (type: string, repository = 'image-registry.openshift-image-registry.svc:5000/demo/app'): ImageStream =>
    ({
      spec: { lookupPolicy: { local: false }, tags: [{ name: 'v1', annotations: null, generation: 1, importPolicy: {}, referencePolicy: { type } }] },
      status: { dockerImageRepository: repository },
    }) as unknown as ImageStream;
  const event = { dockerImageReference: 'quay.io/team/app@sha256:abc', image: 'sha256:abc' };

  it('keeps the source reference for referencePolicy Source and for tags without a spec', () => {
    expect(referenceForTagEvent(stream('Source'), 'v1', event)).toBe('quay.io/team/app@sha256:abc');
    expect(referenceForTagEvent(stream('Local'), 'v2', event)).toBe('quay.io/team/app@sha256:abc');
  });

  it('points Local tags at the integrated registry by digest, keeping the port and dropping a tag', () => {
    expect(referenceForTagEvent(stream('Local'), 'v1', event)).toBe('image-registry.openshift-image-registry.svc:5000/demo/app@sha256:abc');
    expect(referenceForTagEvent(stream('Local', 'registry:5000/demo/app:latest'), 'v1', event)).toBe('registry:5000/demo/app@sha256:abc');
  });
});

describe('OpenAPI', () => {
  let openapi: DemoCluster;
  beforeAll(async () => {
    openapi = await startDemoCluster();
  });
  afterAll(() => openapi.stop());

  it('serves the image group\'s OpenAPI v3 document where its /openapi/v3 index says, hash and all', async () => {
    const index = JSON.parse((await request(openapi.url, '/openapi/v3')).text) as { paths: Record<string, { serverRelativeURL: string }> };
    const url = index.paths['apis/image.openshift.io/v1']?.serverRelativeURL ?? '';
    expect(url).toMatch(/^\/openapi\/v3\/apis\/image\.openshift\.io\/v1\?hash=[0-9A-F]{128}$/);
    const document = JSON.parse((await request(openapi.url, url)).text) as { components: { schemas: Record<string, { description: string }> } };
    expect(document.components.schemas['com.github.openshift.api.image.v1.ImageStreamImage']?.description).toBe(IMAGE_STREAM_IMAGE_DOC['']);
  });

  it('serves the same part of the API as Swagger 2.0 on /openapi/v2', async () => {
    const document = JSON.parse((await request(openapi.url, '/openapi/v2')).text) as { swagger: string; paths: Record<string, unknown> };
    expect(document.swagger).toBe('2.0');
    expect(Object.keys(document.paths)).toEqual(['/apis/image.openshift.io/v1/namespaces/{namespace}/imagestreamimages/{name}']);
  });
});
