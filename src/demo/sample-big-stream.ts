import { buildImage, type RevisionCounter } from './image-builder';
import type { Image, ImageStream } from './image-types';
import { buildStream, type TagRecipe } from './stream-builder';

/** The stream batching tests count on: every tag's every entry resolves, and entries repeat images. */
export const BIG_STREAM = { namespace: 'demo', name: 'big', tags: 12, entriesPerTag: 4, distinctImages: 20 } as const;

const HOUR = 3600_000;
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function bigStream(revisions: RevisionCounter): { images: Image[]; stream: ImageStream } {
  const firstBuild = Date.UTC(2025, 0, 6, 8, 0, 0);
  const images = Array.from({ length: BIG_STREAM.distinctImages }, (_, index) =>
    buildImage(
      {
        repository: `quay.io/${BIG_STREAM.namespace}/${BIG_STREAM.name}`,
        created: isoSeconds(firstBuild + index * 6 * HOUR + 30_000),
        builtAt: new Date(firstBuild + index * 6 * HOUR).toISOString(),
        format: 'oci',
        layers: [{ seed: 'alpine-3.21', size: 3642247 }, { seed: `big-app-${index}`, size: 1048576 + index * 4096 }],
        config: {
          Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `BUILD_NUMBER=${index + 1}`],
          Cmd: ['/usr/local/bin/big'],
          Labels: { 'org.opencontainers.image.revision': String(index + 1) },
        },
      },
      revisions,
    ).image,
  );
  const lastBuild = firstBuild + BIG_STREAM.distinctImages * 6 * HOUR;
  const tags: TagRecipe[] = Array.from({ length: BIG_STREAM.tags }, (_, tagIndex) => {
    const name = `v${String(tagIndex + 1).padStart(2, '0')}`;
    return {
      name,
      spec: { from: { kind: 'DockerImage', name: `quay.io/${BIG_STREAM.namespace}/${BIG_STREAM.name}:${name}` }, generation: BIG_STREAM.entriesPerTag },
      // Tag t's entry e is image (t + 4e) mod 20: four distinct images per tag, all 20 used, each in two or three tags.
      history: Array.from({ length: BIG_STREAM.entriesPerTag }, (_, entry) => {
        const image = images[(tagIndex + 4 * entry) % BIG_STREAM.distinctImages];
        if (!image) throw new Error('big stream: image index out of range');
        return {
          image,
          created: isoSeconds(lastBuild + tagIndex * HOUR + (BIG_STREAM.entriesPerTag - entry) * 24 * HOUR),
          generation: BIG_STREAM.entriesPerTag - entry,
        };
      }),
    };
  });
  const stream = buildStream({ namespace: BIG_STREAM.namespace, name: BIG_STREAM.name, created: isoSeconds(firstBuild), tags }, revisions);
  return { images, stream };
}
