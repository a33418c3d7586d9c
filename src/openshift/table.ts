// The server-side Tables OpenShift prints (openshift-apiserver pkg/image/printers/internalversion,
// behaviour §8), cell for cell: what `kubectl get isimage` and `kubectl get is` show. Shared by
// the gateway's REST route and the demo cluster, so the two cannot disagree.
import type { TableVersion } from './accept';
import { ago } from './human-duration';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[];
  rows: Array<{ cells: string[]; object?: unknown }>;
}

/** What the printers read of an ImageStreamImage; the gateway's and the demo's types both fit. */
export interface PrintableImageStreamImage {
  metadata: { name?: string; creationTimestamp?: string | null };
  image?: { dockerImageReference?: string; metadata?: { name?: string } } | null;
}

/** What the printers read of an ImageStream. */
export interface PrintableImageStream {
  metadata: { name?: string };
  spec?: { dockerImageRepository?: string } | null;
  status?: {
    dockerImageRepository?: string;
    publicDockerImageRepository?: string;
    tags?: Array<{ tag: string; items?: Array<{ created?: string }> | null }> | null;
  } | null;
}

// The descriptions are the API's own field documentation (openshift/api, k8s ObjectMeta).
const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

const column = (name: string, description: string, priority = 0, format = ''): TableColumnDefinition => ({ name, type: 'string', format, description, priority });

/** The columns of an ImageStreamImage; the last two only with `-o wide` (priority 1). */
export const IMAGE_STREAM_IMAGE_COLUMNS: readonly TableColumnDefinition[] = [
  column('Name', NAME_DESCRIPTION, 0, 'name'),
  column('Updated', 'Last update time.'),
  column('Image Reference', 'dockerImageReference is the string that can be used to pull this image.', 1),
  column('Image Name', 'image associated with the ImageStream and image name.', 1),
];

/** The columns of an ImageStream. */
export const IMAGE_STREAM_COLUMNS: readonly TableColumnDefinition[] = [
  column('Name', NAME_DESCRIPTION, 0, 'name'),
  column(
    'Image Repository',
    'dockerImageRepository represents the effective location this stream may be accessed at. May be empty until the server determines where the repository is located',
  ),
  column('Tags', 'Human readable list of tags.'),
  column('Updated', 'Last update time.'),
];

/** `?includeObject=`: what each row carries besides its cells; default `Metadata`, like the API server. */
export function includeObjectOf(value: string | null | undefined): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

interface TableOptions {
  version: TableVersion;
  includeObject: IncludeObject;
  /** The clock of the Updated column, in Date.now() units. */
  now: number;
}

function rowObject(object: { metadata: unknown }, options: TableOptions): { object?: unknown } {
  if (options.includeObject === 'None') return {};
  if (options.includeObject === 'Object') return { object };
  return { object: { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${options.version}`, metadata: object.metadata } };
}

/** The one-row Table of an ImageStreamImage; a server fills all four cells. */
export function imageStreamImageTable(isi: PrintableImageStreamImage, options: TableOptions & { metadata?: Table['metadata'] }): Table {
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${options.version}`,
    metadata: options.metadata ?? {},
    columnDefinitions: IMAGE_STREAM_IMAGE_COLUMNS.map((definition) => ({ ...definition })),
    rows: [
      {
        cells: [isi.metadata.name ?? '', ago(isi.metadata.creationTimestamp, options.now), isi.image?.dockerImageReference ?? '', isi.image?.metadata?.name ?? ''],
        ...rowObject(isi, options),
      },
    ],
  };
}

/** The Table of image streams (a list, or one stream), with the list's metadata. */
export function imageStreamTable(streams: readonly PrintableImageStream[], options: TableOptions & { metadata?: Table['metadata'] }): Table {
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${options.version}`,
    metadata: options.metadata ?? {},
    columnDefinitions: IMAGE_STREAM_COLUMNS.map((definition) => ({ ...definition })),
    rows: streams.map((stream) => ({
      cells: [stream.metadata.name ?? '', repositoryOf(stream), tagsUpToWidth(stream, 40), ago(latestUpdate(stream), options.now)],
      ...rowObject(stream, options),
    })),
  };
}

function repositoryOf(stream: PrintableImageStream): string {
  const status = stream.status ?? {};
  if (status.publicDockerImageRepository) return status.publicDockerImageRepository;
  return stream.spec?.dockerImageRepository || status.dockerImageRepository || '';
}

/** The newest first entry of any tag's history (printImageStream). */
function latestUpdate(stream: PrintableImageStream): string | undefined {
  let latest: string | undefined;
  for (const list of stream.status?.tags ?? []) {
    const created = list.items?.[0]?.created;
    if (created && (latest === undefined || Date.parse(created) > Date.parse(latest))) latest = created;
  }
  return latest;
}

/**
 * printTagsUpToWidth: tags newest first (then by name), as many as fit in `width` characters,
 * always at least one, and one more when that keeps the edge within a quarter of the width.
 */
export function tagsUpToWidth(stream: PrintableImageStream, width: number): string {
  const lists = stream.status?.tags ?? [];
  // Created times compared at second precision, as SortStatusTags rounds them.
  const createdOf = (list: (typeof lists)[number]): number => {
    const at = Date.parse(list.items?.[0]?.created ?? '');
    return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : Math.round(at / 1000);
  };
  const sorted = [...lists].sort((a, b) => createdOf(b) - createdOf(a) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)).map((list) => list.tag);
  let shown = sorted;
  let remaining = width;
  for (let i = 0; i < sorted.length; i++) {
    const tag = sorted[i] ?? '';
    remaining -= tag.length + 1;
    if (remaining >= 0) continue;
    if (i === 0) {
      shown = sorted.slice(0, 1);
      break;
    }
    const margin = Math.trunc(width / 4);
    if (margin < remaining + tag.length && margin >= -remaining) continue;
    shown = sorted.slice(0, i);
    break;
  }
  const hidden = lists.length - shown.length;
  return hidden > 0 ? `${shown.join(',')} + ${hidden} more...` : shown.join(',');
}
