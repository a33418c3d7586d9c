// The `wide` namespace, added only on request (DemoClusterOptions.wide): one stream whose tag
// `latest` has a history as long as asked, every entry a distinct image, so that one request can
// fan out to thousands of imageStreamImage reads — the "maximal" request of the soak and the
// fan-out benchmark. The default sample data never includes it (tests count that data).
import { uidFor } from './digest';
import { buildImage, RevisionCounter } from './image-builder';
import type { Image, Namespace } from './image-types';
import type { SampleData } from './sample-data';
import { buildStream, type HistoryEntry } from './stream-builder';
import { deepFreeze } from './deep-freeze';

/** Where the wide data lives; history entry e (newest first) is image `historyLength - 1 - e`. */
export const WIDE = { namespace: 'wide', stream: 'long', tag: 'latest', layersPerImage: 3 } as const;

/** Longest history the option accepts. */
export const MAX_WIDE_HISTORY = 100_000;

const MINUTE = 60_000;
const FIRST_BUILD = Date.UTC(2025, 2, 3, 6, 0, 0);
const BASE_LAYER_SIZE = 39_508_411;
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const built = new Map<number, SampleData>();

/**
 * `base` plus namespace `wide` with stream `long`, whose tag `latest` has `historyLength`
 * entries over as many distinct images of WIDE.layersPerImage layers each (a shared base layer,
 * a dependency layer shared by ten builds, the build's own layer). Built once per length; frozen.
 */
export function withWideNamespace(base: SampleData, historyLength: number): SampleData {
  if (!Number.isInteger(historyLength) || historyLength < 1 || historyLength > MAX_WIDE_HISTORY) {
    throw new RangeError(`wide.historyLength must be an integer 1-${MAX_WIDE_HISTORY}, got ${historyLength}`);
  }
  const key = historyLength;
  const cached = base === lastBase ? built.get(key) : undefined;
  if (cached) return cached;
  if (base !== lastBase) built.clear();
  lastBase = base;

  const revisions = new RevisionCounter(Number(base.resourceVersion) + 1);
  const repository = `quay.io/${WIDE.namespace}/${WIDE.stream}`;
  const images: Image[] = Array.from({ length: historyLength }, (_, index) => {
    const builtAt = FIRST_BUILD + index * 10 * MINUTE;
    return buildImage(
      {
        repository,
        created: isoSeconds(builtAt + 45_000),
        builtAt: new Date(builtAt).toISOString(),
        format: 'oci',
        layers: [
          { seed: 'ubi9-minimal-9.5', size: BASE_LAYER_SIZE },
          { seed: `wide-long-deps-${Math.floor(index / 10)}`, size: 8_388_608 + (Math.floor(index / 10) % 97) * 8192 },
          { seed: `wide-long-app-${index}`, size: 524_288 + (index % 1000) * 512 },
        ],
        config: {
          Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `BUILD_NUMBER=${index + 1}`],
          Cmd: ['/usr/local/bin/long'],
          Labels: { 'org.opencontainers.image.revision': String(index + 1) },
        },
      },
      revisions,
    ).image;
  });
  const history: HistoryEntry[] = images
    .map((image, index) => ({ image, created: isoSeconds(FIRST_BUILD + index * 10 * MINUTE + 60_000), generation: index + 1 }))
    .reverse();
  const stream = buildStream(
    {
      namespace: WIDE.namespace,
      name: WIDE.stream,
      created: isoSeconds(FIRST_BUILD),
      annotations: { 'openshift.io/description': `One tag with a history of ${historyLength} distinct images` },
      tags: [{ name: WIDE.tag, spec: { from: { kind: 'DockerImage', name: `${repository}:${WIDE.tag}` }, generation: historyLength }, history }],
    },
    revisions,
  );
  const namespace: Namespace = {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: {
      name: WIDE.namespace,
      uid: uidFor(`namespace:${WIDE.namespace}`),
      resourceVersion: revisions.take(),
      creationTimestamp: isoSeconds(FIRST_BUILD - MINUTE),
      labels: { 'kubernetes.io/metadata.name': WIDE.namespace },
      annotations: { 'openshift.io/sa.scc.uid-range': '1000690000/10000' },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };

  const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const data: SampleData = deepFreeze({
    images: [...base.images, ...images].sort(byKey((image) => image.metadata.name)),
    streams: [...base.streams, stream].sort(byKey((s) => `${s.metadata.namespace}/${s.metadata.name}`)),
    namespaces: [...base.namespaces, namespace].sort(byKey((n) => n.metadata.name)),
    resourceVersion: String(revisions.current),
  });
  built.set(key, data);
  return data;
}

let lastBase: SampleData | undefined;

