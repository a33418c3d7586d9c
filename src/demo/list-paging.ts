// Chunked lists as the etcd3 storage serves them: `limit` caps a page, `continue` is an opaque
// base64url token naming the key after which the next page starts and the revision the list
// was read at. A token lists the snapshot of its revision until that revision is compacted.
// A misbehaving upstream (demo-faults.ts) can also ignore `limit` or repeat a token.
import { badRequest, expiredContinue, type DemoResponse } from './demo-status';

interface ContinueToken {
  v: string;
  rv: number;
  start: string;
}

const TOKEN_VERSION = 'meta.k8s.io/v1';

export function encodeContinue(lastKey: string, resourceVersion: string): string {
  const token: ContinueToken = { v: TOKEN_VERSION, rv: Number(resourceVersion), start: `${lastKey}\u0000` };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

/**
 * A token that lists from the beginning again (every key is after the empty one): the fixed
 * token that `repeatContinue` hands out on a first page.
 */
export function restartContinue(resourceVersion: string): string {
  return encodeContinue('', resourceVersion);
}

/** The revision a token of this server was issued at (its list's snapshot), or undefined for anything else. */
export function continueRevision(token: string): number | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(token)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<ContinueToken>;
    return parsed.v === TOKEN_VERSION && Number.isSafeInteger(parsed.rv) ? parsed.rv : undefined;
  } catch {
    return undefined;
  }
}

/** The key a page starts at (inclusive), or undefined for anything but a token this server issued at this revision. */
export function decodeContinue(token: string, resourceVersion: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(token)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<ContinueToken>;
    if (parsed.v !== TOKEN_VERSION || typeof parsed.start !== 'string' || parsed.start === '') return undefined;
    if (parsed.rv !== Number(resourceVersion)) return undefined;
    return parsed.start;
  } catch {
    return undefined;
  }
}

/** How one answer misbehaves (demo-faults.ts); `applied` hears each fault that changed the page. */
export interface ListMisbehaviour {
  /** Answer every item from where the page starts, whatever `limit` asked. */
  ignoreLimit?: boolean;
  /** Answer the request's own `continue` token, or restartContinue() on a first page. */
  repeatContinue?: boolean;
  applied?: (fault: 'ignoreLimit' | 'repeatContinue') => void;
}

export interface ListPage<T> {
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

/** One page of `items` (already in key order) for the `limit`/`continue` of the query. */
export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  query: URLSearchParams,
  resourceVersion: string,
  misbehave: ListMisbehaviour = {},
): ListPage<T> | DemoResponse {
  const rawLimit = query.get('limit');
  let limit = 0;
  if (rawLimit !== null && rawLimit !== '') {
    if (!/^-?\d+$/.test(rawLimit)) return badRequest(`strconv.ParseInt: parsing ${JSON.stringify(rawLimit)}: invalid syntax`);
    limit = Number(rawLimit);
  }
  let from = 0;
  const rawContinue = query.get('continue');
  if (rawContinue) {
    const start = decodeContinue(rawContinue, resourceVersion);
    if (start === undefined) return expiredContinue();
    from = items.findIndex((item) => keyOf(item) >= start);
    if (from < 0) from = items.length;
  }
  if (misbehave.ignoreLimit && limit > 0) {
    misbehave.applied?.('ignoreLimit');
    limit = 0;
  }
  const page = pageFrom(items, keyOf, from, limit, resourceVersion);
  if (!misbehave.repeatContinue) return page;
  misbehave.applied?.('repeatContinue');
  return { ...page, metadata: { ...page.metadata, continue: rawContinue || restartContinue(resourceVersion) } };
}

function pageFrom<T>(items: readonly T[], keyOf: (item: T) => string, from: number, limit: number, resourceVersion: string): ListPage<T> {
  if (limit <= 0 || from + limit >= items.length) {
    return { metadata: { resourceVersion }, items: items.slice(from) };
  }
  const page = items.slice(from, from + limit);
  const last = page[page.length - 1];
  return {
    metadata: {
      resourceVersion,
      ...(last === undefined ? {} : { continue: encodeContinue(keyOf(last), resourceVersion) }),
      remainingItemCount: items.length - from - limit,
    },
    items: page,
  };
}
