// DemoClusterOptions.page: the namespace of the frontend page query, where several streams' tags
// point at the same image.
import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import type { ImageStream, ImageStreamImage, Namespace } from '../../src/demo/image-types';
import { SAMPLE_DATA } from '../../src/demo/sample-data';
import { PAGE, withPageNamespace } from '../../src/demo/sample-page';
import { body, IMAGE_API, isiPath, request } from './demo-client';

const STREAMS = `${IMAGE_API}/namespaces/page/imagestreams`;

/** Every tag's newest entry, as `<stream>@<digest>`, with the digest alone. */
function latestEntries(streams: ImageStream[]): Array<{ stream: string; tag: string; image: string }> {
  return streams.flatMap((s) => (s.status.tags ?? []).map((t) => ({ stream: s.metadata.name, tag: t.tag, image: t.items?.[0]?.image ?? '' })));
}

describe('the default demo cluster', () => {
  it('has no page namespace', async () => {
    const cluster = await startDemoCluster();
    try {
      expect((await request(cluster.url, `${STREAMS}/frontend`)).status).toBe(404);
      expect(SAMPLE_DATA.streams).toHaveLength(12);
    } finally {
      await cluster.stop();
    }
  });
});

describe('page: true', () => {
  let cluster: DemoCluster;
  let streams: ImageStream[];
  beforeAll(async () => {
    cluster = await startDemoCluster({ page: true });
    streams = body<{ items: ImageStream[] }>(await request(cluster.url, STREAMS)).items;
  });
  afterAll(() => cluster.stop());

  it('adds namespace page with 20 streams and 31 tags', async () => {
    const namespaces = body<{ items: Namespace[] }>(await request(cluster.url, '/api/v1/namespaces'));
    expect(namespaces.items.map((n) => n.metadata.name)).toEqual(['demo', 'openshift', 'page', 'team-a']);
    expect(streams).toHaveLength(PAGE.streams);
    expect(latestEntries(streams)).toHaveLength(PAGE.tags);
    expect(PAGE).toMatchObject({ streams: 20, tags: 31, distinctLatestImages: 19 });
  });

  it('has 31 distinct newest stream@digest names over only 19 images', () => {
    const entries = latestEntries(streams);
    expect(entries.every((e) => e.image.startsWith('sha256:'))).toBe(true);
    expect(new Set(entries.map((e) => `${e.stream}@${e.image}`)).size).toBe(31);
    expect(new Set(entries.map((e) => e.image)).size).toBe(19);
  });

  it('gives every tag a history of 2 or 3 entries', () => {
    for (const stream of streams) {
      for (const tag of stream.status.tags ?? []) expect([2, 3]).toContain(tag.items?.length);
    }
  });

  it('answers the ImageStreamImage of every newest entry, each shared image with its own stream annotations', async () => {
    const annotationsByImage = new Map<string, Set<string>>();
    for (const entry of latestEntries(streams)) {
      const answer = await request(cluster.url, isiPath('page', `${entry.stream}@${entry.image}`));
      expect(answer.status).toBe(200);
      const isi = body<ImageStreamImage>(answer);
      expect(isi.image.metadata.name).toBe(entry.image);
      expect(isi.image.dockerImageLayers?.length).toBeGreaterThan(0);
      expect(isi.metadata.annotations?.['openshift.io/display-name']).toBe(streams.find((s) => s.metadata.name === entry.stream)?.metadata.annotations?.['openshift.io/display-name']);
      const seen = annotationsByImage.get(entry.image) ?? new Set<string>();
      seen.add(JSON.stringify(isi.metadata.annotations));
      annotationsByImage.set(entry.image, seen);
    }
    // frontend:stable, frontend-prod:latest and release:frontend are one image under three streams' annotations.
    expect(Math.max(...[...annotationsByImage.values()].map((seen) => seen.size))).toBe(3);
  });

  it('shares base layers between images built on the same base', async () => {
    const isi = (name: string) => request(cluster.url, isiPath('page', name)).then((a) => body<ImageStreamImage>(a).image.dockerImageLayers ?? []);
    const latestOf = (stream: string, tag: string) => latestEntries(streams).find((e) => e.stream === stream && e.tag === tag)?.image;
    const nodejs = await isi(`nodejs@${latestOf('nodejs', '20-ubi9')}`);
    const frontend = await isi(`frontend@${latestOf('frontend', 'latest')}`);
    expect(frontend.slice(0, nodejs.length)).toEqual(nodejs);
    expect(frontend).toHaveLength(nodejs.length + 1);
  });

  it('is the same on every build, composes with wide, and leaves the default data alone', async () => {
    expect(withPageNamespace(SAMPLE_DATA)).toBe(withPageNamespace(SAMPLE_DATA));
    const both = await startDemoCluster({ page: true, wide: { historyLength: 5 } });
    try {
      const namespaces = body<{ items: Namespace[] }>(await request(both.url, '/api/v1/namespaces'));
      expect(namespaces.items.map((n) => n.metadata.name)).toEqual(['demo', 'openshift', 'page', 'team-a', 'wide']);
      // Only the resourceVersions differ: the page's are handed out after the wide ones.
      expect(latestEntries(body<{ items: ImageStream[] }>(await request(both.url, STREAMS)).items)).toEqual(latestEntries(streams));
    } finally {
      await both.stop();
    }
    expect(SAMPLE_DATA.namespaces).toHaveLength(3);
  });
});
