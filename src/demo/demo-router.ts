// The routes of image.openshift.io/v1 the demo serves, matched the way go-restful matches them:
// a path no route has is 404, a path with a route but not for this method is 405 (behaviour §6.6).
// The demo is read-only, so every served route is GET.
import type { DemoStore } from './demo-store';
import { goQuote } from '../openshift/go-json';
import { badRequest, expiredContinue, invalidPathSegment, notFound, methodNotAllowed, routeNotFound, status, IMAGE_GROUP, type DemoResponse } from './demo-status';
import { negotiateRepresentation, tableContentType, type TableVersion } from '../openshift/accept';
import { imageStreamImageTable, imageStreamTable, includeObjectOf } from '../openshift/table';

/** A Table answer, with the content type the API server gives it (the media type it negotiated). */
const tableAnswer = (version: TableVersion, body: unknown): DemoResponse => ({ code: 200, body, headers: { 'Content-Type': tableContentType(version) } });

/** ListMeta of one object's Table: its resource version, none when it has none (omitempty). */
const resourceVersionOf = (resourceVersion: string | undefined) => (resourceVersion ? { resourceVersion } : {});

/** The Table version `accept` asks for, or undefined for the object (negotiated as the API server does). */
function tableVersionFor(accept: string | undefined) {
  const representation = negotiateRepresentation(accept);
  return representation.kind === 'table' ? representation.version : undefined;
}
import type { ImageStreamImage } from './image-types';
import { getImageStreamImage } from './isi-resolver';
import { getImageStreamTag, listImageStreamTags } from './istag-reader';
import { continueRevision, pageOf, type ListMisbehaviour } from './list-paging';
import type { RequestInfo } from './request-target';

export interface RouteContext {
  store: DemoStore;
  info: RequestInfo;
  query: URLSearchParams;
  accept: string | undefined;
  now: number;
  /** How a paged LIST misbehaves on this request (demo-faults.ts); absent: it does not. */
  misbehave?: ListMisbehaviour;
}

type Handler = (context: RouteContext) => DemoResponse;

const API_VERSION = `${IMAGE_GROUP}/v1`;

/** List items carry no kind/apiVersion of their own; the list has them. */
function withoutTypeMeta<T extends object>(object: T): Omit<T, 'kind' | 'apiVersion'> {
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = object as T & { kind?: unknown; apiVersion?: unknown };
  return rest;
}

const getImage: Handler = ({ store, info }) => {
  const invalid = invalidPathSegment(info.name);
  if (invalid) return invalid;
  const image = store.image(info.name);
  return image ? { code: 200, body: { kind: 'Image', apiVersion: API_VERSION, ...image } } : notFound('images', info.name);
};

const listImages: Handler = ({ store, query, misbehave }) => {
  const page = pageOf(store.allImages(), (image) => image.metadata.name, query, store.resourceVersion, misbehave);
  if ('code' in page) return page;
  return { code: 200, body: { kind: 'ImageList', apiVersion: API_VERSION, metadata: page.metadata, items: page.items } };
};

const getImageStream: Handler = ({ store, info, query, accept, now }) => {
  const invalid = invalidPathSegment(info.name);
  if (invalid) return invalid;
  const stream = store.stream(info.namespace, info.name);
  if (!stream) return notFound('imagestreams', info.name);
  const table = tableVersionFor(accept);
  if (table) return tableAnswer(table, imageStreamTable([stream], { version: table, includeObject: includeObjectOf(query.get('includeObject')), now, metadata: resourceVersionOf(stream.metadata.resourceVersion) }));
  return { code: 200, body: stream };
};

const listImageStreams: Handler = ({ store, info, query, accept, now, misbehave }) => {
  // resourceVersionMatch=Exact: the list as it was at that revision, while it is not compacted.
  // A continue token: the snapshot the first page was read at, as long as it is not compacted.
  const fromToken = query.get('continue') ? continueRevision(query.get('continue') ?? '') : undefined;
  const exact = fromToken !== undefined ? String(fromToken) : query.get('resourceVersionMatch') === 'Exact' ? (query.get('resourceVersion') ?? '') : undefined;
  const streams = exact === undefined ? store.streamsIn(info.namespace) : /^\d+$/.test(exact) ? store.streamsAt(info.namespace, Number(exact)) : undefined;
  if (!streams) return fromToken !== undefined ? expiredContinue() : status(410, 'Expired', 'The resourceVersion for the provided list is too old.');
  const selected = fieldSelectorName(query);
  if (selected && 'error' in selected) return badRequest(selected.error);
  const items = selected ? streams.filter((stream) => stream.metadata.name === selected.name) : streams;
  const page = pageOf(items, (stream) => `${stream.metadata.namespace}/${stream.metadata.name}`, query, exact ?? store.resourceVersion, misbehave);
  if ('code' in page) return page;
  const table = tableVersionFor(accept);
  if (table) return tableAnswer(table, imageStreamTable(page.items, { version: table, includeObject: includeObjectOf(query.get('includeObject')), now, metadata: page.metadata }));
  return { code: 200, body: { kind: 'ImageStreamList', apiVersion: API_VERSION, metadata: page.metadata, items: page.items.map(withoutTypeMeta) } };
};

/** `fieldSelector=metadata.name=<name>` (or `==`), the one field selector the demo's lists serve. */
function fieldSelectorName(query: URLSearchParams): { name: string } | { error: string } | undefined {
  const raw = query.get('fieldSelector');
  if (raw === null || raw === '') return undefined;
  const match = /^metadata\.name==?(.*)$/.exec(raw);
  return match ? { name: match[1] ?? '' } : { error: `"${raw}" is not a known field selector: only "metadata.name" is supported` };
}

const getTag: Handler = ({ store, info }) => getImageStreamTag(store, info.namespace, info.name);

// The imagestreamtags REST storage is not the generic store: it ignores limit and continue.
const listTags: Handler = ({ store, info }) => ({
  code: 200,
  body: {
    kind: 'ImageStreamTagList',
    apiVersion: API_VERSION,
    metadata: { resourceVersion: store.resourceVersion },
    items: listImageStreamTags(store, info.namespace).map(withoutTypeMeta),
  },
});

const getIsi: Handler = ({ store, info, query, accept, now }) => {
  const answer = getImageStreamImage(store, info.namespace, info.name);
  const table = tableVersionFor(accept);
  if (answer.code !== 200 || !table) return answer;
  // An ISI has no resource version, and ListMeta leaves an empty one out.
  return tableAnswer(table, imageStreamImageTable(answer.body as ImageStreamImage, { version: table, includeObject: includeObjectOf(query.get('includeObject')), now }));
};

const getNamespace: Handler = ({ store, info }) => {
  const namespace = store.namespace(info.name);
  return namespace ? { code: 200, body: namespace } : status(404, 'NotFound', `namespaces ${goQuote(info.name)} not found`, { name: info.name, kind: 'namespaces' });
};

const listNamespaces: Handler = ({ store, query, misbehave }) => {
  const page = pageOf(store.allNamespaces(), (namespace) => namespace.metadata.name, query, store.resourceVersion, misbehave);
  if ('code' in page) return page;
  return { code: 200, body: { kind: 'NamespaceList', apiVersion: 'v1', metadata: page.metadata, items: page.items.map(withoutTypeMeta) } };
};

// `<scope> <resource> <collection|item>` → GET handler.
const ROUTES = new Map<string, Handler>([
  ['core namespaces collection', listNamespaces],
  ['core namespaces item', getNamespace],
  ['cluster images collection', listImages],
  ['cluster images item', getImage],
  ['cluster imagestreams collection', listImageStreams],
  ['cluster imagestreamtags collection', listTags],
  ['namespaced imagestreams collection', listImageStreams],
  ['namespaced imagestreams item', getImageStream],
  ['namespaced imagestreamtags collection', listTags],
  ['namespaced imagestreamtags item', getTag],
  ['namespaced imagestreamimages item', getIsi],
]);

function routeKey(info: RequestInfo): string | undefined {
  if (info.apiGroup === '' && info.apiVersion === 'v1' && info.parts[0] === 'namespaces' && info.parts.length <= 2) {
    return `core namespaces ${info.parts.length === 1 ? 'collection' : 'item'}`;
  }
  if (info.apiGroup !== IMAGE_GROUP || info.apiVersion !== 'v1') return undefined;
  const [first, , , extra] = info.parts;
  // `/namespaces/<ns>` itself, subresources and anything deeper are not served.
  if (first === 'namespaces' || info.parts.length > 2 || extra !== undefined) return undefined;
  const scope = info.namespace ? 'namespaced' : 'cluster';
  return `${scope} ${info.resource} ${info.parts.length === 1 ? 'collection' : 'item'}`;
}

/** Answers an authenticated, authorized resource request. */
export function routeResourceRequest(method: string, context: RouteContext): DemoResponse {
  const key = routeKey(context.info);
  const handler = key === undefined ? undefined : ROUTES.get(key);
  if (!handler) return routeNotFound();
  if (method !== 'GET') return methodNotAllowed();
  return handler(context);
}
