// What `npm run bench` asks, and how it knows an answer is right: one ImageStreamImage read
// directly from the demo cluster, through the REST route and through GraphQL; the frontend page
// query; and a query that makes no upstream call. The expected answers are read from the demo
// cluster itself before any gateway runs, so a gateway that answers wrongly fails the bench.
import { request } from 'undici';
import type { DemoToken } from '../../src/demo/demo-tokens';
import { PAGE } from '../../src/demo/sample-page';
import { WIDE } from '../../src/demo/sample-wide';
import type { ImageStream, ImageStreamImage } from '../../src/kube/types';
import type { LoadTarget } from './load';

/** The bench's caller: a frontend user of its own namespaces, who may not read cluster-scoped images. */
export const BENCH_TOKEN: DemoToken = { token: 'bench-token', user: 'bench', namespaces: [PAGE.namespace, WIDE.namespace, 'demo'], images: false, list: true };

export const ISI_QUERY =
  'query Isi($namespace: String!, $name: String!) { imageStreamImage(namespace: $namespace, name: $name) ' +
  '{ metadata { name } image { dockerImageReference dockerImageLayers { name size } } } }';

export const PAGE_QUERY =
  'query Page($namespace: String!) { imageStreams(namespace: $namespace, first: 20) { edges { node { metadata { name } ' +
  'status { tags { tag latest { image imageStreamImage { image { dockerImageLayers { size } } } } } } } } } }';

export const NOOP_QUERY = '{ __typename }';

export const SCENARIOS = ['direct', 'rest', 'graphql-isi', 'page', 'noop'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface Scenario {
  name: ScenarioName;
  /** Against the demo cluster (`direct`) or the gateway. */
  against: 'upstream' | 'gateway';
  target: LoadTarget;
  /** What is wrong with an answer; undefined when it is right. */
  check(status: number, text: string): string | undefined;
}

export interface Expected {
  /** `<stream>@<digest>` of the ISI every single-image scenario reads. */
  isiName: string;
  isiPath: string;
  digest: string;
  layers: Array<{ name: string; size: number }>;
  /** One line per tag of the page, `<stream>/<tag>@<digest> <layer sizes>`, in list order. */
  page: string[];
  /** Distinct images behind the page's tags. */
  pageImages: number;
}

/** The page's list: the namespace's first 20 streams. */
export const PAGE_LIST_PATH = `/apis/image.openshift.io/v1/namespaces/${PAGE.namespace}/imagestreams?limit=20`;

export const isiPathOf = (namespace: string, name: string): string => `/apis/image.openshift.io/v1/namespaces/${namespace}/imagestreamimages/${name}`;
const bearer = { authorization: `Bearer ${BENCH_TOKEN.token}` };

export async function getJson<T>(base: string, path: string): Promise<T> {
  const answer = await request(`${base}${path}`, { headers: bearer });
  if (answer.statusCode !== 200) throw new Error(`GET ${path} answered ${answer.statusCode}: ${(await answer.body.text()).slice(0, 300)}`);
  return (await answer.body.json()) as T;
}

/** The page and the chosen ISI as the demo cluster serves them, one direct GET per tag. */
export async function readExpected(demoUrl: string): Promise<Expected> {
  const list = await getJson<{ items: ImageStream[] }>(demoUrl, PAGE_LIST_PATH);
  const page: string[] = [];
  const images = new Set<string>();
  let chosen: ImageStreamImage | undefined;
  for (const stream of list.items) {
    for (const tag of stream.status?.tags ?? []) {
      const digest = tag.items?.[0]?.image ?? '';
      const isi = await getJson<ImageStreamImage>(demoUrl, isiPathOf(PAGE.namespace, `${stream.metadata.name}@${digest}`));
      page.push(`${stream.metadata.name}/${tag.tag}@${digest} ${(isi.image.dockerImageLayers ?? []).map((l) => l.size).join(',')}`);
      images.add(digest);
      if (stream.metadata.name === PAGE.stream && tag.tag === 'latest') chosen = isi;
    }
  }
  if (list.items.length !== PAGE.streams || page.length !== PAGE.tags || images.size !== PAGE.distinctLatestImages || !chosen) {
    throw new Error(`the page namespace has ${list.items.length} streams, ${page.length} tags, ${images.size} images; expected ${PAGE.streams}, ${PAGE.tags}, ${PAGE.distinctLatestImages}`);
  }
  const isiName = `${PAGE.stream}@${chosen.image.metadata.name}`;
  return {
    isiName,
    isiPath: isiPathOf(PAGE.namespace, isiName),
    digest: chosen.image.metadata.name ?? '',
    layers: (chosen.image.dockerImageLayers ?? []).map((l) => ({ name: l.name, size: l.size })),
    page,
    pageImages: images.size,
  };
}

/**
 * The page's floor, one request at a time: what a client with no work of its own waits for, straight
 * from the demo cluster. The list, then one GET per distinct image of its tags' latest entries, all
 * at once: the two round trips the page cannot do without. Milliseconds.
 */
export async function pageFloorOnce(demoUrl: string): Promise<number> {
  const started = performance.now();
  const list = await getJson<{ items: ImageStream[] }>(demoUrl, PAGE_LIST_PATH);
  await Promise.all(distinctLatestImages(list.items).map((name) => getJson<ImageStreamImage>(demoUrl, isiPathOf(PAGE.namespace, name))));
  return performance.now() - started;
}

/** One ISI name (`<stream>@<digest>`, the first stream whose tag names it) per distinct image of the tags' latest entries. */
export function distinctLatestImages(streams: readonly ImageStream[]): string[] {
  const firstReference = new Map<string, string>();
  for (const stream of streams) {
    for (const tag of stream.status?.tags ?? []) {
      const digest = tag.items?.[0]?.image;
      if (digest && !firstReference.has(digest)) firstReference.set(digest, `${stream.metadata.name}@${digest}`);
    }
  }
  return [...firstReference.values()];
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message?: string; extensions?: { code?: string } }>;
}

function parse<T>(status: number, text: string): { answer?: GraphQLAnswer<T>; wrong?: string } {
  if (status !== 200) return { wrong: `HTTP ${status}: ${text.slice(0, 300)}` };
  try {
    const answer = JSON.parse(text) as GraphQLAnswer<T>;
    if (answer.errors) return { wrong: `errors: ${JSON.stringify(answer.errors).slice(0, 300)}` };
    return { answer };
  } catch {
    return { wrong: `not JSON: ${text.slice(0, 300)}` };
  }
}

function checkIsiDocument(expected: Expected) {
  return (status: number, text: string): string | undefined => {
    if (status !== 200) return `HTTP ${status}: ${text.slice(0, 300)}`;
    const isi = JSON.parse(text) as ImageStreamImage;
    if (isi.kind !== 'ImageStreamImage' || isi.metadata.name !== expected.isiName || isi.image.metadata.name !== expected.digest) return `another object: ${text.slice(0, 300)}`;
    if (JSON.stringify(isi.image.dockerImageLayers?.map((l) => ({ name: l.name, size: l.size }))) !== JSON.stringify(expected.layers)) return 'other layers';
    return undefined;
  };
}

type IsiData = { imageStreamImage?: { metadata?: { name?: string }; image?: { dockerImageReference?: string; dockerImageLayers?: Array<{ name: string; size: number }> } } | null };
type PageData = {
  imageStreams?: {
    edges?: Array<{ node?: { metadata?: { name?: string }; status?: { tags?: Array<{ tag: string; latest?: { image?: string; imageStreamImage?: { image?: { dockerImageLayers?: Array<{ size: number }> } } | null } | null }> } } }>;
  };
};

/** The page answer in Expected.page's form. */
function pageLines(data: PageData | null | undefined): string[] {
  return (data?.imageStreams?.edges ?? []).flatMap((edge) =>
    (edge.node?.status?.tags ?? []).map(
      (t) => `${edge.node?.metadata?.name}/${t.tag}@${t.latest?.image} ${(t.latest?.imageStreamImage?.image?.dockerImageLayers ?? []).map((l) => l.size).join(',')}`,
    ),
  );
}

export function pageCheck(expected: Expected) {
  return (status: number, text: string): string | undefined => {
    const { answer, wrong } = parse<PageData>(status, text);
    if (wrong) return wrong;
    const lines = pageLines(answer?.data);
    const missing = expected.page.filter((line, i) => lines[i] !== line);
    return missing.length === 0 && lines.length === expected.page.length ? undefined : `${missing.length} of ${expected.page.length} tags differ, e.g. ${missing[0]} (got ${lines.length} tags)`;
  };
}

export const graphqlPost = (gatewayUrl: string, query: string, variables: Record<string, string>): LoadTarget => ({
  url: gatewayUrl,
  method: 'POST',
  path: '/graphql',
  headers: { ...bearer, 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify({ query, variables }),
  // Under load only a cheap look: a GraphQL error comes with status 200.
  verifyBody: (body) => body.startsWith('{"data"') && !body.includes('"errors"'),
});

export const isiGet = (url: string, path: string): LoadTarget => ({
  url,
  method: 'GET',
  path,
  headers: { ...bearer, accept: 'application/json' },
  verifyBody: (body) => body.startsWith('{"kind":"ImageStreamImage"'),
});

export function scenarios(upstreamUrl: string, gatewayUrl: string, expected: Expected): Scenario[] {
  return [
    { name: 'direct', against: 'upstream', target: isiGet(upstreamUrl, expected.isiPath), check: checkIsiDocument(expected) },
    { name: 'rest', against: 'gateway', target: isiGet(gatewayUrl, expected.isiPath), check: checkIsiDocument(expected) },
    {
      name: 'graphql-isi',
      against: 'gateway',
      target: graphqlPost(gatewayUrl, ISI_QUERY, { namespace: PAGE.namespace, name: expected.isiName }),
      check: (status, text) => {
        const { answer, wrong } = parse<IsiData>(status, text);
        if (wrong) return wrong;
        const isi = answer?.data?.imageStreamImage;
        if (isi?.metadata?.name !== expected.isiName || !isi.image?.dockerImageReference?.endsWith(`@${expected.digest}`)) return `another image: ${text.slice(0, 300)}`;
        return JSON.stringify(isi.image.dockerImageLayers) === JSON.stringify(expected.layers) ? undefined : 'other layers';
      },
    },
    { name: 'page', against: 'gateway', target: graphqlPost(gatewayUrl, PAGE_QUERY, { namespace: PAGE.namespace }), check: pageCheck(expected) },
    {
      name: 'noop',
      against: 'gateway',
      target: graphqlPost(gatewayUrl, NOOP_QUERY, {}),
      check: (status, text) => {
        const { answer, wrong } = parse<{ __typename?: string }>(status, text);
        return wrong ?? (answer?.data?.__typename === 'Query' ? undefined : `unexpected: ${text.slice(0, 300)}`);
      },
    },
  ];
}

/** One request of `target`, as the load would send it: status and body. */
export async function sendOnce(target: LoadTarget): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const answer = await request(`${target.url}${target.nextPath?.() ?? target.path}`, {
    method: target.method,
    headers: target.headers,
    ...(target.body === undefined ? {} : { body: target.body }),
  });
  const text = await answer.body.text();
  return { status: answer.statusCode, text, ms: performance.now() - started };
}
