// DemoClusterOptions.wide: a namespace where one request can fan out to many distinct images.
import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import type { Image, ImageStream, ImageStreamImage, Namespace } from '../../src/demo/image-types';
import { SAMPLE_DATA } from '../../src/demo/sample-data';
import { MAX_WIDE_HISTORY, WIDE, withWideNamespace } from '../../src/demo/sample-wide';
import { body, IMAGE_API, isiPath, request } from './demo-client';

const LONG = `${IMAGE_API}/namespaces/wide/imagestreams/long`;

describe('the default demo cluster', () => {
  it('has no wide namespace', async () => {
    const cluster = await startDemoCluster();
    try {
      expect((await request(cluster.url, LONG)).status).toBe(404);
      const namespaces = body<{ items: Namespace[] }>(await request(cluster.url, '/api/v1/namespaces'));
      expect(namespaces.items.map((n) => n.metadata.name)).toEqual(['demo', 'openshift', 'team-a']);
    } finally {
      await cluster.stop();
    }
  });
});

describe('wide: { historyLength: 40 }', () => {
  let cluster: DemoCluster;
  beforeAll(async () => {
    cluster = await startDemoCluster({ wide: { historyLength: 40 } });
  });
  afterAll(() => cluster.stop());

  it('adds namespace wide with one stream, long, whose tag latest has 40 entries over 40 distinct images', async () => {
    expect(WIDE).toEqual({ namespace: 'wide', stream: 'long', tag: 'latest', layersPerImage: 3 });
    const namespaces = body<{ items: Namespace[] }>(await request(cluster.url, '/api/v1/namespaces'));
    expect(namespaces.items.map((n) => n.metadata.name)).toEqual(['demo', 'openshift', 'team-a', 'wide']);
    const streams = body<{ items: ImageStream[] }>(await request(cluster.url, `${IMAGE_API}/namespaces/wide/imagestreams`));
    expect(streams.items.map((s) => s.metadata.name)).toEqual(['long']);
    const long = body<ImageStream>(await request(cluster.url, LONG));
    expect(long.status.tags?.map((t) => t.tag)).toEqual(['latest']);
    const items = long.status.tags?.[0]?.items ?? [];
    expect(items).toHaveLength(40);
    expect(new Set(items.map((i) => i.image)).size).toBe(40);
    expect(items.map((i) => i.generation)).toEqual(Array.from({ length: 40 }, (_, e) => 40 - e));
    expect(items[0]?.created).toBe('2025-03-03T12:31:00Z');
    expect(items[39]?.created).toBe('2025-03-03T06:01:00Z');
    expect(items[0]?.dockerImageReference).toBe(`quay.io/wide/long@${items[0]?.image}`);
  });

  it('resolves the imageStreamImage of every entry, each with three layers, newest build first', async () => {
    const long = body<ImageStream>(await request(cluster.url, LONG));
    const items = long.status.tags?.[0]?.items ?? [];
    const layers = new Set<string>();
    for (const [entry, item] of items.entries()) {
      const answer = await request(cluster.url, isiPath('wide', `long@${item.image}`));
      expect(answer.status).toBe(200);
      const isi = body<ImageStreamImage>(answer);
      expect(isi.metadata.name).toBe(`long@${item.image}`);
      expect(isi.image.metadata.name).toBe(item.image);
      expect(isi.image.dockerImageLayers).toHaveLength(3);
      expect(isi.image.dockerImageMetadata.Config?.Env).toContain(`BUILD_NUMBER=${40 - entry}`);
      for (const layer of isi.image.dockerImageLayers ?? []) layers.add(layer.name);
    }
    // One shared base layer, one dependency layer per ten builds, one layer of each build's own.
    expect(layers.size).toBe(1 + 4 + 40);
  });

  it('lists the images of the default data and the 40 new ones, in name order', async () => {
    const images = body<{ items: Image[] }>(await request(cluster.url, `${IMAGE_API}/images`));
    expect(images.items).toHaveLength(SAMPLE_DATA.images.length + 40);
    const names = images.items.map((image) => image.metadata.name);
    expect(names).toEqual([...names].sort());
  });

  it('is the same on every build, and leaves the default data alone', () => {
    const wide = withWideNamespace(SAMPLE_DATA, 40);
    expect(withWideNamespace(SAMPLE_DATA, 40)).toBe(wide);
    expect(Number(wide.resourceVersion)).toBe(Number(SAMPLE_DATA.resourceVersion) + 40 + 2);
    expect(wide.streams.find((s) => s.metadata.namespace === 'wide')?.status.tags?.[0]?.items?.at(-1)?.image).toBe(OLDEST_OF_40);
    expect(SAMPLE_DATA.namespaces).toHaveLength(3);
    expect(SAMPLE_DATA.streams).toHaveLength(12);
    expect(Object.isFrozen(wide.images)).toBe(true);
  });
});

describe('wide: { historyLength: 2000 }', () => {
  it('serves a 2000-entry history whose every image resolves, the oldest too, quickly', async () => {
    const started = performance.now();
    const cluster = await startDemoCluster({ wide: { historyLength: 2000 } });
    try {
      const items = body<ImageStream>(await request(cluster.url, LONG)).status.tags?.[0]?.items ?? [];
      expect(items).toHaveLength(2000);
      expect(new Set(items.map((i) => i.image)).size).toBe(2000);
      const oldest = body<ImageStreamImage>(await request(cluster.url, isiPath('wide', `long@${items[1999]?.image}`)));
      expect(oldest.image.dockerImageMetadata.Config?.Env).toContain('BUILD_NUMBER=1');
      // Build i is the same whatever the length: the oldest entry is the oldest of 40 as well.
      expect(oldest.image.metadata.name).toBe(OLDEST_OF_40);
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      await cluster.stop();
    }
  });

  it('refuses a length that is not an integer 1-100000', async () => {
    expect(MAX_WIDE_HISTORY).toBe(100_000);
    await expect(startDemoCluster({ wide: { historyLength: 0 } })).rejects.toThrow('wide.historyLength must be an integer 1-100000, got 0');
    expect(() => withWideNamespace(SAMPLE_DATA, 1.5)).toThrow(RangeError);
  });
});

/** The digest of build 1 of the 40: content-derived, so it changes only when the recipe does. */
const OLDEST_OF_40 = 'sha256:a4f6dbc77da2c09a8eaba62e6785e0e499e251267e2b6f578dce34e082539e92';
