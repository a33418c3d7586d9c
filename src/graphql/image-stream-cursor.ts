import { UserInputError } from '../errors';
import { MAX_LIST_LIMIT } from '../kube/kube-client';

/**
 * A Relay cursor over Kubernetes `limit`/`continue` paging. Kubernetes only hands out a token at
 * the end of a page, so a cursor is that page's starting token plus how many of its items have
 * been seen; paging on from a cursor in the middle of a page re-reads that page and skips them.
 */
export interface ImageStreamCursor {
  /** The namespace listed: a cursor is refused in any other. */
  namespace: string;
  /** The `continue` token the page started with; empty for the first page. */
  continue: string;
  /** Items of that page already returned: less than one page (MAX_LIST_LIMIT), so paging on never asks more. */
  offset: number;
}

/** Longest cursor accepted; a continue token is a few hundred characters. */
const MAX_CURSOR_LENGTH = 4096;

export function encodeCursor(cursor: ImageStreamCursor): string {
  return Buffer.from(JSON.stringify({ n: cursor.namespace, c: cursor.continue, o: cursor.offset })).toString('base64url');
}

/** The cursor `after`, checked to be one imageStreams made for `namespace`. */
export function decodeCursor(after: string, namespace: string): ImageStreamCursor {
  const refuse = (problem: string) =>
    new UserInputError(`after must be a cursor returned by imageStreams (edges.cursor or pageInfo.endCursor), got ${problem}`, 'after');
  if (after.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]*$/.test(after)) throw refuse('a value that is not one');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { n, c, o } = (parsed ?? {}) as { n?: unknown; c?: unknown; o?: unknown };
  if (typeof n !== 'string' || typeof c !== 'string' || typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o >= MAX_LIST_LIMIT) {
    throw refuse('a value that is not one');
  }
  if (n !== namespace) throw refuse(`a cursor of namespace ${JSON.stringify(n)}, not of ${JSON.stringify(namespace)}`);
  return { namespace: n, continue: c, offset: o };
}
