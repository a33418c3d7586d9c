import { createHash } from 'node:crypto';
import type { Image, ImageStream } from '../../src/demo/image-types';
import { BIG_STREAM, NAMESPACES, SAMPLE_DATA, SAMPLES } from '../../src/demo/sample-data';
import { UBUNTU_AMD64_MANIFEST } from '../../src/demo/sample-ubuntu';
import { manifestListText } from '../../src/demo/image-builder';

const images = new Map(SAMPLE_DATA.images.map((image) => [image.metadata.name, image]));
const streamOf = (namespace: string, name: string): ImageStream => {
  const found = SAMPLE_DATA.streams.find((s) => s.metadata.namespace === namespace && s.metadata.name === name);
  if (!found) throw new Error(`no stream ${namespace}/${name}`);
  return found;
};
const imageOf = (digest: string): Image => {
  const found = images.get(digest);
  if (!found) throw new Error(`no image ${digest}`);
  return found;
};
const sha256 = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`;

describe('sample data inventory', () => {
  it('has three namespaces and twelve streams in all of them', () => {
    expect(NAMESPACES).toEqual(['demo', 'openshift', 'team-a']);
    expect(SAMPLE_DATA.streams).toHaveLength(12);
    expect(new Set(SAMPLE_DATA.streams.map((s) => s.metadata.namespace))).toEqual(new Set(NAMESPACES));
    expect(SAMPLE_DATA.images.length).toBeGreaterThanOrEqual(40);
  });

  it('names every image by a valid sha256 digest, each once, sorted', () => {
    const names = SAMPLE_DATA.images.map((image) => image.metadata.name);
    for (const name of names) expect(name).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
  });

  it('is the same on every load: digests come from content, not from chance', () => {
    expect(SAMPLES.manifestList.digest).toBe('sha256:d46b42b918dadb4e73426581cad195cb439a0ebf09ff404aedf278d94a79248c');
    expect(SAMPLES.twoPlatformList.digest).toBe('sha256:5020d54ec2de60c4e187128b5a03adda261a7fe78c9c500ffd24ff4af476fb41');
  });

  it('is frozen, so a handler that mutates what it serves fails loudly', () => {
    expect(Object.isFrozen(SAMPLE_DATA.images[0]?.metadata)).toBe(true);
    expect(Object.isFrozen(SAMPLE_DATA.streams)).toBe(true);
  });

  it('keeps every history newest first and every tag list sorted by name', () => {
    for (const stream of SAMPLE_DATA.streams) {
      const tags = (stream.status.tags ?? []).map((tag) => tag.tag);
      expect(tags).toEqual([...tags].sort());
      expect((stream.spec.tags ?? []).map((tag) => tag.name)).toEqual((stream.spec.tags ?? []).map((tag) => tag.name).sort());
      for (const tag of stream.status.tags ?? []) {
        const created = (tag.items ?? []).map((item) => item.created);
        expect(created).toEqual([...created].sort().reverse());
      }
    }
  });

  it('shares images between tags', () => {
    const wildfly = streamOf('openshift', 'wildfly');
    const holders = (wildfly.status.tags ?? []).filter((tag) => tag.items?.some((item) => item.image === SAMPLES.sharedImage.digest)).map((tag) => tag.tag);
    expect(holders).toEqual(['8.1', 'latest']);
  });
});

describe('notable objects', () => {
  it('stores the fixture manifests byte for byte: their sha256 is the image name', () => {
    expect(sha256(UBUNTU_AMD64_MANIFEST)).toBe(SAMPLES.manifestListMembers.amd64);
    expect(Buffer.byteLength(UBUNTU_AMD64_MANIFEST)).toBe(1152);
    const amd64 = imageOf(SAMPLES.manifestListMembers.amd64);
    expect(amd64.dockerImageManifest).toBe(UBUNTU_AMD64_MANIFEST);
  });

  it('names each stored manifest by its own digest', () => {
    const stored = SAMPLE_DATA.images.filter((image) => image.dockerImageManifest !== undefined);
    expect(stored.length).toBeGreaterThanOrEqual(3);
    for (const image of stored) {
      expect(sha256(image.dockerImageManifest ?? '')).toBe(image.metadata.name);
      expect(typeof image.dockerImageConfig).toBe('string');
    }
  });

  it('builds the four-platform manifest list from members that are Images, reachable only through the list', () => {
    const list = imageOf(SAMPLES.manifestList.digest);
    const members = list.dockerImageManifests ?? [];
    expect(members.map((m) => `${m.os}/${m.architecture}${m.variant ? `/${m.variant}` : ''}`)).toEqual(['linux/amd64', 'linux/arm64/v8', 'linux/ppc64le', 'linux/s390x']);
    for (const member of members) expect(images.has(member.digest)).toBe(true);
    const everyHistoryImage = SAMPLE_DATA.streams.flatMap((s) => (s.status.tags ?? []).flatMap((t) => (t.items ?? []).map((i) => i.image)));
    for (const member of members) expect(everyHistoryImage).not.toContain(member.digest);
  });

  it('hashes the rebuilt fixture list to its real digest', () => {
    const list = imageOf(SAMPLES.twoPlatformList.digest);
    const children = (list.dockerImageManifests ?? []).map((m) => ({
      child: { image: imageOf(m.digest), manifestSize: m.manifestSize, mediaType: m.mediaType },
      os: m.os,
      architecture: m.architecture,
      ...(m.variant ? { variant: m.variant } : {}),
    }));
    expect(sha256(manifestListText(children))).toBe(SAMPLES.twoPlatformList.digest);
  });

  it('has a signed image with a trusted signature', () => {
    const signatures = imageOf(SAMPLES.signedImage.digest).signatures ?? [];
    expect(signatures[0]?.issuedTo?.publicKeyID).toBe('199E2F91FD431D51');
    expect(signatures[0]?.conditions?.map((c) => c.type)).toEqual(['Trusted', 'ForImage']);
  });

  it('has a 5 GiB layer', () => {
    const layers = imageOf(SAMPLES.bigLayerImage.digest).dockerImageLayers ?? [];
    expect(layers.map((layer) => layer.size)).toContain(5368709120);
  });

  it('has a history entry whose Image was pruned', () => {
    const frontend = streamOf(SAMPLES.prunedEntry.namespace, SAMPLES.prunedEntry.stream);
    const latest = frontend.status.tags?.find((tag) => tag.tag === SAMPLES.prunedEntry.tag)?.items ?? [];
    expect(latest.at(-1)?.image).toBe(SAMPLES.prunedEntry.digest);
    expect(images.has(SAMPLES.prunedEntry.digest)).toBe(false);
  });

  it('has a stream with a spec tag and no status tags', () => {
    const pending = streamOf(SAMPLES.emptyStream.namespace, SAMPLES.emptyStream.stream);
    expect(pending.spec.tags?.map((tag) => tag.name)).toEqual([SAMPLES.emptyStream.specTag]);
    expect(pending.status).toEqual({ dockerImageRepository: 'image-registry.openshift-image-registry.svc:5000/demo/pending' });
  });

  it('has a tag with only a failure condition', () => {
    const nginx = streamOf(SAMPLES.failedTag.namespace, SAMPLES.failedTag.stream);
    const failed = nginx.status.tags?.find((tag) => tag.tag === SAMPLES.failedTag.tag);
    expect(failed?.items).toBeNull();
    expect(failed?.conditions?.[0]).toMatchObject({ type: 'ImportSuccess', status: 'False', reason: 'NotFound', generation: 3 });
  });

  it('writes dockerImageMetadata with capitalised keys and its own kind and apiVersion', () => {
    for (const image of SAMPLE_DATA.images) {
      const metadata = image.dockerImageMetadata;
      expect([metadata.kind, metadata.apiVersion]).toEqual(['DockerImage', 'image.openshift.io/1.0']);
      expect(metadata).toHaveProperty('ContainerConfig');
      expect(metadata).toHaveProperty('Created');
      expect(Object.keys(metadata).filter((key) => key !== 'kind' && key !== 'apiVersion').every((key) => /^[A-Z]/.test(key))).toBe(true);
    }
    expect(SAMPLE_DATA.images.some((image) => image.dockerImageMetadata.Author)).toBe(true);
  });
});

describe('BIG_STREAM', () => {
  const big = streamOf(BIG_STREAM.namespace, BIG_STREAM.name);

  it('is demo/big with 12 status tags of 4 entries each over 20 distinct existing images', () => {
    expect(BIG_STREAM).toEqual({ namespace: 'demo', name: 'big', tags: 12, entriesPerTag: 4, distinctImages: 20 });
    expect(big.status.tags).toHaveLength(12);
    for (const tag of big.status.tags ?? []) {
      expect(tag.items).toHaveLength(4);
      expect(new Set(tag.items?.map((item) => item.image)).size).toBe(4);
    }
    const distinct = new Set((big.status.tags ?? []).flatMap((tag) => (tag.items ?? []).map((item) => item.image)));
    expect(distinct.size).toBe(20);
    for (const digest of distinct) expect(images.has(digest)).toBe(true);
  });
});
