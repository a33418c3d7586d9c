import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import type { Image, ImageStream, ImageStreamImage } from '../../src/demo/image-types';
import { digestOrImageMatch, pickMatch } from '../../src/demo/isi-resolver';
import { BIG_LAYER_SIZE, SAMPLE_DATA, SAMPLES } from '../../src/demo/sample-data';
import { body, IMAGE_API, isiPath, request } from './demo-client';

let cluster: DemoCluster;
beforeAll(async () => {
  cluster = await startDemoCluster();
});
afterAll(() => cluster.stop());

const isi = async (namespace: string, name: string): Promise<ImageStreamImage> => {
  const answer = await request(cluster.url, isiPath(namespace, name));
  expect(answer.status).toBe(200);
  return body<ImageStreamImage>(answer);
};
const stream = (namespace: string, name: string): ImageStream => {
  const found = SAMPLE_DATA.streams.find((candidate) => candidate.metadata.namespace === namespace && candidate.metadata.name === name);
  if (!found) throw new Error(`no sample stream ${namespace}/${name}`);
  return found;
};
const historyImages = (s: ImageStream): string[] => (s.status.tags ?? []).flatMap((tag) => (tag.items ?? []).map((item) => item.image));
const hexOf = (digest: string): string => digest.slice('sha256:'.length);

describe('the behaviour §4.1 example', () => {
  it('is what GET demo/ubuntu@sha256:ca013ac5 answers, field for field', async () => {
    expect(await isi('demo', 'ubuntu@sha256:ca013ac5')).toEqual({
      kind: 'ImageStreamImage',
      apiVersion: 'image.openshift.io/v1',
      metadata: {
        name: 'ubuntu@sha256:ca013ac5',
        namespace: 'demo',
        creationTimestamp: '2024-05-02T09:14:03Z',
        annotations: { 'openshift.io/image.dockerRepositoryCheck': '2024-05-02T09:14:03Z' },
      },
      image: {
        metadata: {
          name: 'sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0',
          uid: '6f1c2f64-2b0e-4a57-9d7e-3e1f5a1d2c11',
          resourceVersion: '482113',
          creationTimestamp: '2024-05-02T09:14:03Z',
          annotations: { 'image.openshift.io/dockerLayersOrder': 'ascending' },
        },
        dockerImageReference: 'docker.io/library/ubuntu@sha256:ca013ac5c09f9a9f6db8370c1b759a29fe997d64d6591e9a75b71748858f7da0',
        dockerImageMetadata: {
          kind: 'DockerImage',
          apiVersion: 'image.openshift.io/1.0',
          Id: 'sha256:a2a15febcdf362f6115e801d37b5e60d6faaeedcb9896155e5fe9d754025be12',
          Created: '2019-08-15T07:28:14Z',
          Container: '41b694b9b42f9c5ef7fb40c24272927a727a6d6cb8120bb3eae5849ceb9bee77',
          ContainerConfig: {
            Hostname: '41b694b9b42f',
            Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
            Cmd: ['/bin/sh', '-c', '#(nop) ', 'CMD ["/bin/bash"]'],
            Image: 'sha256:bcbe079849fdbb50b3eb04798547e046bdbc82020b8b780d767cf29f7e60b396',
          },
          DockerVersion: '18.06.1-ce',
          Config: {
            Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
            Cmd: ['/bin/bash'],
            Image: 'sha256:bcbe079849fdbb50b3eb04798547e046bdbc82020b8b780d767cf29f7e60b396',
          },
          Architecture: 'amd64',
          Size: 26727200,
        },
        dockerImageMetadataVersion: '1.0',
        dockerImageLayers: [
          { name: 'sha256:35c102085707f703de2d9eaad8752d6fe1b8f02b5d2149f1d8357c9cc7fb7d0a', size: 26687415, mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip' },
          { name: 'sha256:251f5509d51d9e4119d4ffb70d4820f8e2d7dc72ad15df3ebd7cd755539e40fd', size: 35366, mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip' },
          { name: 'sha256:8e829fe70a46e3ac4334823560e98b257234c23629f19f05460e21a453091e6d', size: 848, mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip' },
          { name: 'sha256:6001e1789921cf851f6fb2e5fe05be70f482fe9c2286f66892fe5a3bc404569c', size: 162, mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip' },
        ],
        dockerImageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      },
    });
  });

  it('writes the keys in Go struct order', async () => {
    const answer = await request(cluster.url, isiPath('demo', 'ubuntu@sha256:ca013ac5'));
    expect(Object.keys(body(answer))).toEqual(['kind', 'apiVersion', 'metadata', 'image']);
    expect(Object.keys(body<ImageStreamImage>(answer).image)).toEqual([
      'metadata',
      'dockerImageReference',
      'dockerImageMetadata',
      'dockerImageMetadataVersion',
      'dockerImageLayers',
      'dockerImageManifestMediaType',
    ]);
  });
});

describe('prefix matching over every history entry of every tag (§3 step 4)', () => {
  // python:3.11's second entry: not the newest of any tag.
  const older = SAMPLE_DATA.streams
    .find((s) => s.metadata.name === 'python')
    ?.status.tags?.find((tag) => tag.tag === '3.11')?.items?.[1]?.image as string;

  it('reaches an image that is only an older history entry', () => {
    const python = stream('openshift', 'python');
    const newest = (python.status.tags ?? []).map((tag) => tag.items?.[0]?.image);
    expect(newest).not.toContain(older);
    expect(historyImages(python)).toContain(older);
  });

  it.each([
    ['the full digest', (d: string) => d],
    ['a sha256:<hex> prefix', (d: string) => d.slice(0, 'sha256:'.length + 12)],
    ['a bare hex prefix', (d: string) => hexOf(d).slice(0, 12)],
  ])('resolves python@<%s> to that image', async (_form, idOf) => {
    const answer = await isi('openshift', `python@${idOf(older)}`);
    expect(answer.image.metadata.name).toBe(older);
    expect(answer.metadata.name).toBe(`python@${idOf(older)}`);
  });

  it('resolves a tag-shared image once, whichever tag holds it (wildfly 8.1 and latest)', async () => {
    const answer = await isi('openshift', `wildfly@${hexOf(SAMPLES.sharedImage.digest).slice(0, 8)}`);
    expect(answer.image.metadata.name).toBe(SAMPLES.sharedImage.digest);
  });

  it.each(['sha', 'sha256:', 's'])('picks the lexicographically smallest candidate for the ambiguous id %s, every time', async (id) => {
    const ruby = stream('demo', 'ruby');
    const expected = [...new Set(historyImages(ruby))].sort()[0];
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await isi('demo', `ruby@${id}`)).image.metadata.name).toBe(expected);
    }
  });

  it('is case-sensitive: SHA256: matches nothing', async () => {
    const answer = await request(cluster.url, isiPath('demo', 'ruby@SHA256:'));
    expect(answer.status).toBe(404);
  });

  it('matches as library-go DigestOrImageMatch does', () => {
    const digest = `sha256:${'4d3a646b'.padEnd(64, '0')}`;
    for (const id of [digest, 'sha256:4d3a', '4d3a646b', '4', 'sha', 'sha256:']) expect(digestOrImageMatch(digest, id)).toBe(true);
    expect(digestOrImageMatch(digest, '0000')).toBe(false);
    // Not a valid digest (short hex): only the plain prefix rule applies.
    expect(digestOrImageMatch('sha256:4d3a', '4d3a')).toBe(false);
    expect(digestOrImageMatch('mytag2', 'mytag')).toBe(true);
    expect(pickMatch(['mytag2', 'mytag', 'other'], 'mytag')).toBe('mytag');
    expect(pickMatch(['b', 'a'], 'z')).toBeUndefined();
  });
});

describe('manifest lists (§3 step 3, §4.2)', () => {
  const list = SAMPLE_DATA.images.find((image) => image.metadata.name === SAMPLES.manifestList.digest) as Image;

  it('keeps the list members out of every tag history', () => {
    const ubuntu = historyImages(stream('demo', 'ubuntu'));
    for (const member of Object.values(SAMPLES.manifestListMembers)) expect(ubuntu).not.toContain(member);
  });

  it('serves the four-platform list with arm64 variant v8', async () => {
    const answer = await isi('demo', `ubuntu@${SAMPLES.manifestList.digest}`);
    expect(answer.image.dockerImageManifestMediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json');
    expect(answer.image.dockerImageLayers).toBeUndefined();
    expect(answer.image.dockerImageManifests?.map((m) => [m.os, m.architecture, m.variant])).toEqual([
      ['linux', 'amd64', undefined],
      ['linux', 'arm64', 'v8'],
      ['linux', 'ppc64le', undefined],
      ['linux', 's390x', undefined],
    ]);
    expect(answer.image.dockerImageMetadata).toEqual({
      kind: 'DockerImage',
      apiVersion: 'image.openshift.io/1.0',
      Id: SAMPLES.manifestList.digest,
      Created: '2024-05-02T09:14:03Z',
      ContainerConfig: {},
    });
  });

  it.each(['ppc64le', 's390x', 'arm64', 'amd64'] as const)('resolves the %s member through the stream that tags its list', async (arch) => {
    const digest = SAMPLES.manifestListMembers[arch];
    const answer = await isi('demo', `ubuntu@${digest.slice(0, 20)}`);
    expect(answer.image.metadata.name).toBe(digest);
    expect(answer.image.dockerImageMetadata.Architecture).toBe(arch);
    expect(list.dockerImageManifests?.some((member) => member.digest === digest)).toBe(true);
  });

  it('does not reach a member through a stream that does not tag its list', async () => {
    const answer = await request(cluster.url, isiPath('demo', `ruby@${SAMPLES.manifestListMembers.ppc64le}`));
    expect(answer.status).toBe(404);
  });
});

describe('ISI metadata (§4)', () => {
  it('echoes a short prefix as the name, takes namespace from the request, time from the image, annotations from the stream', async () => {
    const digest = SAMPLES.storedManifestImage.digest;
    const answer = await isi('demo', `ruby@${hexOf(digest).slice(0, 7)}`);
    const image = await request(cluster.url, `${IMAGE_API}/images/${digest}`);
    const ruby = await request(cluster.url, `${IMAGE_API}/namespaces/demo/imagestreams/ruby`);
    expect(answer.metadata).toEqual({
      name: `ruby@${hexOf(digest).slice(0, 7)}`,
      namespace: 'demo',
      creationTimestamp: body<Image>(image).metadata.creationTimestamp,
      annotations: body<ImageStream>(ruby).metadata.annotations,
    });
    expect(answer.metadata.annotations).toHaveProperty(['kubectl.kubernetes.io/last-applied-configuration']);
    expect(answer.metadata.creationTimestamp).toBe('2025-01-20T10:17:45Z');
    expect(answer.metadata).not.toHaveProperty('uid');
    expect(answer.metadata).not.toHaveProperty('resourceVersion');
    expect(answer.metadata).not.toHaveProperty('labels');
  });

  it('leaves annotations out when the stream has none', async () => {
    const { namespace, stream: name } = SAMPLES.streamWithoutAnnotations;
    const answer = await isi(namespace, `${name}@sha256:`);
    expect(Object.keys(answer.metadata)).toEqual(['name', 'namespace', 'creationTimestamp']);
  });

  it('strips dockerImageManifest and dockerImageConfig and passes everything else through', async () => {
    const digest = SAMPLES.storedManifestImage.digest;
    const stored = body<Image & { kind?: string; apiVersion?: string }>(await request(cluster.url, `${IMAGE_API}/images/${digest}`));
    expect(typeof stored.dockerImageManifest).toBe('string');
    expect(typeof stored.dockerImageConfig).toBe('string');
    const answer = await isi('demo', `ruby@${digest}`);
    expect(answer.image).not.toHaveProperty('dockerImageManifest');
    expect(answer.image).not.toHaveProperty('dockerImageConfig');
    const { kind: _kind, apiVersion: _apiVersion, dockerImageManifest: _manifest, dockerImageConfig: _config, ...rest } = stored;
    expect(answer.image).toEqual(rest);
  });

  it('keeps signatures, with their conditions, identity, claims and issuers', async () => {
    const { namespace, stream: name, digest } = SAMPLES.signedImage;
    const answer = await isi(namespace, `${name}@${digest}`);
    const [trusted, unverified] = answer.image.signatures ?? [];
    expect(trusted?.metadata.name).toMatch(new RegExp(`^${digest}@[0-9a-f]{32}$`));
    expect(trusted?.type).toBe('AtomicImageV1');
    expect(trusted?.conditions?.map((c) => [c.type, c.status])).toEqual([
      ['Trusted', 'True'],
      ['ForImage', 'True'],
    ]);
    expect(trusted?.imageIdentity).toBe('registry.access.redhat.com/ubi9/python-312:1-25');
    expect(trusted?.signedClaims).toEqual({ 'docker-manifest-digest': digest, 'docker-reference': 'registry.access.redhat.com/ubi9/python-312' });
    expect(trusted?.issuedBy).toEqual({ organization: 'Red Hat, Inc.', commonName: 'Red Hat, Inc. (release key 2) <security@redhat.com>' });
    expect(trusted?.issuedTo?.publicKeyID).toBe('199E2F91FD431D51');
    expect(Buffer.from(trusted?.content ?? '', 'base64').length).toBeGreaterThan(64);
    expect(unverified?.conditions?.[0]).toMatchObject({ type: 'Trusted', status: 'Unknown' });
    expect(unverified).not.toHaveProperty('imageIdentity');
  });

  it('carries a layer above 4 GiB as an exact integer on the wire', async () => {
    const { namespace, stream: name, digest } = SAMPLES.bigLayerImage;
    const answer = await request(cluster.url, isiPath(namespace, `${name}@${digest}`));
    expect(answer.text).toContain(`"size":${BIG_LAYER_SIZE}`);
    expect(BIG_LAYER_SIZE).toBe(5368709120);
    expect(body<ImageStreamImage>(answer).image.dockerImageMetadata.Size).toBeGreaterThan(2 ** 32);
  });
});

describe('the three 404 shapes (§6.2, §6.3, §6.3b)', () => {
  it('§6.2 no image of the stream matches: singular kind, whole name', async () => {
    const answer = await request(cluster.url, isiPath('demo', 'ruby@sha256:0123abcd'));
    expect(answer.status).toBe(404);
    expect(answer.text).toBe(
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"imagestreamimage.image.openshift.io \\"ruby@sha256:0123abcd\\" not found","reason":"NotFound","details":{"name":"ruby@sha256:0123abcd","group":"image.openshift.io","kind":"imagestreamimage"},"code":404}\n',
    );
  });

  it('§6.2 also for a stream whose only tag was never imported', async () => {
    const { namespace, stream: name } = SAMPLES.emptyStream;
    expect(stream(namespace, name).status.tags).toBeUndefined();
    const answer = await request(cluster.url, isiPath(namespace, `${name}@sha`));
    expect(answer.status).toBe(404);
    expect(body(answer).details).toEqual({ name: `${name}@sha`, group: 'image.openshift.io', kind: 'imagestreamimage' });
  });

  it('§6.3 the stream does not exist: plural kind, stream name only', async () => {
    const answer = await request(cluster.url, isiPath('openshift', 'ruby@sha256:0123abcd'));
    expect(answer.status).toBe(404);
    expect(body(answer)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'imagestreamimages.image.openshift.io "ruby" not found',
      reason: 'NotFound',
      details: { name: 'ruby', group: 'image.openshift.io', kind: 'imagestreamimages' },
      code: 404,
    });
  });

  it('§6.3b the matched image was pruned: plural kind, full digest', async () => {
    const { namespace, stream: name, digest } = SAMPLES.prunedEntry;
    expect(SAMPLE_DATA.images.some((image) => image.metadata.name === digest)).toBe(false);
    const answer = await request(cluster.url, isiPath(namespace, `${name}@${hexOf(digest).slice(0, 10)}`));
    expect(answer.status).toBe(404);
    expect(body(answer)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `imagestreamimages.image.openshift.io "${digest}" not found`,
      reason: 'NotFound',
      details: { name: digest, group: 'image.openshift.io', kind: 'imagestreamimages' },
      code: 404,
    });
  });
});
