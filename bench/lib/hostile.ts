// Hostile clients shared by the soak and the fan-out bench: the maximal fan-out request and its
// check, the fragment-doubling document, and a socket that drips its request body.
import * as net from 'node:net';
import type { DemoToken } from '../../src/demo/demo-tokens';
import { WIDE } from '../../src/demo/sample-wide';
import { doublingFragments } from '../../test/helpers/doubling-fragments';

/** The hostile caller of the maximal requests: a user of its own, who may read namespace `wide` only. */
export const FANOUT_TOKEN: DemoToken = { token: 'fanout-token', user: 'fanout', namespaces: [WIDE.namespace], images: false, list: true };

/** Every history entry of wide/long:latest, each entry's image and its layers: one call per entry. */
export const MAXIMAL_QUERY =
  'query Maximal($ns: String!, $name: String!, $tag: String!) { imageStream(namespace: $ns, name: $name) { metadata { name namespace } ' +
  'tag(name: $tag) { items { image imageStreamImage { metadata { name } image { dockerImageLayers { size } } } } } } }';
export const MAXIMAL_VARIABLES = { ns: WIDE.namespace, name: WIDE.stream, tag: WIDE.tag };

/** 30 levels: 2^30 selections of `image` once expanded, in 31 small fragments. */
export const DOUBLING_QUERY = doublingFragments(30, 'Query', 'image(name: "sha256:0") { metadata { name } }', (spread) => `query { ${spread} }`);
export const GARBAGE_TOKEN = 'garbage';

export interface GraphQLError {
  message?: string;
  path?: Array<string | number>;
  extensions?: { code?: string; reason?: string; kubernetes?: { code?: number } };
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
}

export interface FanOutCheck {
  /** History entries whose image came back. */
  resolved: number;
  /** Error codes, with `reason` for UPSTREAM_UNAVAILABLE, and how often. */
  codes: Map<string, number>;
  /** Whether the stream came back with its history, some images resolved and some not. */
  partial: boolean;
  /** Problems with the data; empty when it is right. */
  wrong: string[];
}

interface MaximalData {
  imageStream?: {
    metadata?: { name?: string; namespace?: string };
    tag?: { items?: Array<{ image: string; imageStreamImage?: { metadata?: { name?: string }; image?: { dockerImageLayers?: unknown[] | null } } | null }> | null } | null;
  } | null;
}

export function codeOf(error: GraphQLError): string {
  const code = error.extensions?.code ?? 'no code';
  return code === 'UPSTREAM_UNAVAILABLE' ? `${code} (${error.extensions?.reason ?? `upstream ${error.extensions?.kubernetes?.code ?? '?'}`})` : code;
}

/**
 * Checks an answer to MAXIMAL_QUERY against the history the stream has (`history`, images
 * newest first): the stream asked for, its entries in order, every image that came back the
 * entry's own with WIDE.layersPerImage layers, every one that did not with an error at its
 * path, and never more images than `maxCalls - 1` (the budget, less the stream's GET).
 */
export function checkFanOut(body: GraphQLBody | undefined, history: readonly string[], maxCalls: number): FanOutCheck {
  const codes = new Map<string, number>();
  for (const error of body?.errors ?? []) codes.set(codeOf(error), (codes.get(codeOf(error)) ?? 0) + 1);
  const wrong: string[] = [];
  const stream = (body?.data as MaximalData | null | undefined)?.imageStream;
  if (!stream) return { resolved: 0, codes, partial: false, wrong };
  if (stream.metadata?.namespace !== WIDE.namespace || stream.metadata?.name !== WIDE.stream) {
    wrong.push(`stream ${stream.metadata?.namespace}/${stream.metadata?.name}, asked ${WIDE.namespace}/${WIDE.stream}`);
  }
  const items = stream.tag?.items ?? [];
  if (items.length !== history.length) wrong.push(`${items.length} history entries, the stream has ${history.length}`);
  const failedPaths = new Set(
    (body?.errors ?? []).filter((e) => e.path?.length === 5 && e.path[4] === 'imageStreamImage').map((e) => Number(e.path?.[3])),
  );
  let resolved = 0;
  items.forEach((item, index) => {
    if (item.image !== history[index]) wrong.push(`entry ${index} is ${item.image}, the stream has ${history[index]}`);
    const isi = item.imageStreamImage;
    if (!isi) {
      if (!failedPaths.has(index)) wrong.push(`entry ${index} has no image and no error`);
      return;
    }
    resolved++;
    if (isi.metadata?.name !== `${WIDE.stream}@${item.image}`) wrong.push(`entry ${index} resolved to ${isi.metadata?.name}`);
    if (isi.image?.dockerImageLayers?.length !== WIDE.layersPerImage) wrong.push(`entry ${index} has ${isi.image?.dockerImageLayers?.length} layers`);
  });
  if (resolved > maxCalls - 1) wrong.push(`${resolved} images resolved, more than the ${maxCalls}-call budget allows`);
  return { resolved, codes, partial: resolved > 0 && resolved < items.length, wrong: [...new Set(wrong)].slice(0, 5) };
}

export interface DripResult {
  /** The server closed the connection (rather than the dripper giving up). */
  closedByServer: boolean;
  /** The status of the answer the server wrote before closing, if any. */
  status?: number;
  /** From connecting to the close. */
  ms: number;
  bytesSent: number;
  error?: string;
}

/**
 * Opens a connection, sends the headers of a POST /graphql whose body is 1000 bytes, then one
 * byte every `intervalMs`, until the server closes the connection or `maxMs` has passed.
 */
export function drip(baseUrl: string, intervalMs: number, maxMs: number): Promise<DripResult> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    let received = '';
    let bytesSent = 0;
    let gaveUp = false;
    let error: string | undefined;
    let ticker: NodeJS.Timeout | undefined;
    const send = (text: string): void => {
      if (socket.destroyed || !socket.writable) return;
      socket.write(text);
      bytesSent += Buffer.byteLength(text);
    };
    const deadline = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, maxMs);
    socket.setEncoding('latin1');
    socket.on('connect', () => {
      send(`POST /graphql HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${GARBAGE_TOKEN}\r\nContent-Length: 1000\r\n\r\n{`);
      ticker = setInterval(() => send(' '), intervalMs);
    });
    socket.on('data', (chunk: string) => {
      if (received.length < 4096) received += chunk;
    });
    socket.on('end', () => socket.end());
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on('close', () => {
      clearTimeout(deadline);
      clearInterval(ticker);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1];
      resolve({
        closedByServer: !gaveUp,
        ...(status ? { status: Number(status) } : {}),
        ms: performance.now() - started,
        bytesSent,
        ...(error ? { error } : {}),
      });
    });
  });
}
