// The server-side Table OpenShift prints for an ImageStreamImage (openshift-apiserver
// pkg/image/printers/internalversion, behaviour §8): what `kubectl get isimage NAME` shows.
import type { ImageStreamImage } from '../kube/types';

export type TableVersion = 'v1' | 'v1beta1';
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
  metadata: Record<string, unknown>;
  columnDefinitions: TableColumnDefinition[];
  rows: Array<{ cells: string[]; object?: unknown }>;
}

/** The columns and their descriptions as OpenShift defines them; the last two only with `-o wide`. */
export const ISI_COLUMNS: readonly TableColumnDefinition[] = [
  {
    name: 'Name',
    type: 'string',
    format: 'name',
    description:
      'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
    priority: 0,
  },
  { name: 'Updated', type: 'string', format: '', description: 'Last update time.', priority: 0 },
  {
    name: 'Image Reference',
    type: 'string',
    format: '',
    description: 'DockerImageReference is the string that can be used to pull this image.',
    priority: 1,
  },
  { name: 'Image Name', type: 'string', format: '', description: 'Image associated with the ImageStream and image name.', priority: 1 },
];

/**
 * The Table version an Accept header asks for, or undefined when it prefers (or only accepts)
 * something else. Clauses are taken by `q`, then in the order given, as the API server does.
 */
export function acceptedTableVersion(accept: string | undefined): TableVersion | undefined {
  if (!accept) return undefined;
  const clauses = accept
    .split(',')
    .map((clause, index) => {
      const [type = '', ...rawParams] = clause.split(';').map((part) => part.trim());
      const params = new Map<string, string>();
      for (const param of rawParams) {
        const eq = param.indexOf('=');
        if (eq > 0) params.set(param.slice(0, eq).trim().toLowerCase(), param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'));
      }
      const q = params.has('q') ? Number(params.get('q')) : 1;
      return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((clause) => clause.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { type, params } of clauses) {
    const as = params.get('as');
    if (as === undefined) {
      // Plain JSON (or anything) first: the object itself.
      if (type === 'application/json' || type === 'application/*' || type === '*/*') return undefined;
      continue;
    }
    const version = params.get('v');
    if (type === 'application/json' && as === 'Table' && params.get('g') === 'meta.k8s.io' && (version === 'v1' || version === 'v1beta1')) {
      return version;
    }
  }
  return undefined;
}

/** `?includeObject=`: what each row carries besides its cells; default `Metadata`, like the API server. */
export function includeObjectOf(value: string | undefined): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

/** The one-row Table for `isi`, with the four cells the API server always fills. */
export function imageStreamImageTable(
  isi: ImageStreamImage,
  options: { now: number; version: TableVersion; includeObject: IncludeObject },
): Table {
  const apiVersion = `meta.k8s.io/${options.version}`;
  const created = Date.parse(isi.metadata.creationTimestamp ?? '');
  const updated = `${humanDuration(Number.isNaN(created) ? Number.MAX_SAFE_INTEGER : options.now - created)} ago`;
  const cells = [isi.metadata.name ?? '', updated, isi.image?.dockerImageReference ?? '', isi.image?.metadata?.name ?? ''];
  const object =
    options.includeObject === 'Object'
      ? isi
      : options.includeObject === 'Metadata'
        ? { kind: 'PartialObjectMetadata', apiVersion, metadata: isi.metadata }
        : undefined;
  return {
    kind: 'Table',
    apiVersion,
    metadata: {},
    columnDefinitions: ISI_COLUMNS.map((column) => ({ ...column })),
    rows: [{ cells, ...(object ? { object } : {}) }],
  };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Go's time.Duration stops at about 292 years; a missing timestamp reads as that long ago. */
const MAX_GO_DURATION_MS = 9_223_372_036_854;

/** docker/go-units HumanDuration, which OpenShift's printer uses: "5 minutes", "About an hour". */
export function humanDuration(ms: number): string {
  const duration = Math.min(ms, MAX_GO_DURATION_MS);
  const seconds = Math.trunc(duration / SECOND);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(duration / MINUTE);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  // Hours are rounded, not truncated.
  const hours = Math.trunc(duration / HOUR + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(duration / HOUR) / 24 / 365)} years`;
}
