// Server-side tables (meta.k8s.io Table), which `kubectl get` asks for by default (spec §8):
// the columns of openshift-apiserver's printers, ages humanized the way kubectl prints them.
import { humanDuration } from './human-duration';
import type { ImageStream, ImageStreamImage } from './image-types';

export type TableVersion = 'v1' | 'v1beta1';
export type IncludeObject = 'None' | 'Metadata' | 'Object';

interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

interface TableRow {
  cells: unknown[];
  object?: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: ColumnDefinition[];
  rows: TableRow[];
}

const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

const column = (name: string, description: string, priority = 0, format = ''): ColumnDefinition => ({ name, type: 'string', format, description, priority });

/**
 * The Table version an Accept header asks for, or undefined when its first usable media range
 * is the plain object (client-go sends `…as=Table;v=v1;g=meta.k8s.io,…v1beta1…,application/json`).
 */
export function tableVersionFor(accept: string | undefined): TableVersion | undefined {
  for (const range of (accept ?? '').split(',')) {
    const [type = '', ...rawParams] = range.split(';').map((part) => part.trim());
    const params = new Map(rawParams.map((param) => {
      const at = param.indexOf('=');
      return [param.slice(0, at).trim().toLowerCase(), param.slice(at + 1).trim()] as const;
    }));
    if (!['application/json', 'application/*', '*/*'].includes(type.toLowerCase())) continue;
    const as = params.get('as');
    if (as === undefined) return undefined;
    const version = params.get('v');
    if (as === 'Table' && params.get('g') === 'meta.k8s.io' && (version === 'v1' || version === 'v1beta1')) return version;
  }
  return undefined;
}

export function includeObjectOf(query: URLSearchParams): IncludeObject {
  const value = query.get('includeObject');
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

function rowObject(object: { kind: string; apiVersion: string; metadata: object }, version: TableVersion, include: IncludeObject): { object?: unknown } {
  if (include === 'None') return {};
  if (include === 'Object') return { object };
  return { object: { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: object.metadata } };
}

const ago = (time: string | null | undefined, now: number): string => (time ? `${humanDuration(now - Date.parse(time))} ago` : '');

export function imageStreamImageTable(isi: ImageStreamImage, version: TableVersion, include: IncludeObject, now: number): Table {
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: { resourceVersion: '' },
    columnDefinitions: [
      column('Name', NAME_DESCRIPTION, 0, 'name'),
      column('Updated', 'The last time the image was updated'),
      column('Image Reference', 'The pull specification of the image', 1),
      column('Image Name', 'The name of the image object (its manifest digest)', 1),
    ],
    rows: [
      {
        cells: [isi.metadata.name, ago(isi.metadata.creationTimestamp, now), isi.image.dockerImageReference, isi.image.metadata.name],
        ...rowObject(isi, version, include),
      },
    ],
  };
}

/** Tag names joined until the text would pass 40 characters, then "+ N more..." (oc's printTagsUpToWidth). */
function tagsUpToWidth(stream: ImageStream): string {
  const names = (stream.status.tags ?? []).map((tag) => tag.tag);
  const shown: string[] = [];
  let width = 0;
  for (const name of names) {
    if (shown.length > 0 && width + 1 + name.length > 40) break;
    width += (shown.length > 0 ? 1 : 0) + name.length;
    shown.push(name);
  }
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(',')} + ${rest} more...` : shown.join(',');
}

function latestUpdate(stream: ImageStream): string | undefined {
  let latest: string | undefined;
  for (const tag of stream.status.tags ?? []) {
    const created = tag.items?.[0]?.created;
    if (created && (latest === undefined || Date.parse(created) > Date.parse(latest))) latest = created;
  }
  return latest;
}

export function imageStreamTable(
  streams: readonly ImageStream[],
  listMeta: Table['metadata'],
  version: TableVersion,
  include: IncludeObject,
  now: number,
): Table {
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: listMeta,
    columnDefinitions: [
      column('Name', NAME_DESCRIPTION, 0, 'name'),
      column('Image Repository', 'The pull specification of the stream, on the public route when there is one'),
      column('Tags', 'The tags with images, up to 40 characters'),
      column('Updated', 'When the newest image of any tag was tagged'),
    ],
    rows: streams.map((stream) => ({
      cells: [
        stream.metadata.name,
        stream.status.publicDockerImageRepository ?? stream.spec.dockerImageRepository ?? stream.status.dockerImageRepository,
        tagsUpToWidth(stream),
        ago(latestUpdate(stream), now),
      ],
      ...rowObject(stream, version, include),
    })),
  };
}
