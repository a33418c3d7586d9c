import { UserInputError } from '../errors';

/**
 * A Relay cursor over Kubernetes `limit`/`continue` paging. Kubernetes only hands out a token at
 * the end of a page, so a cursor is that page's starting token plus how many of its items have
 * been seen; paging on from a cursor in the middle of a page re-reads that page and skips them.
 */
export interface ImageStreamCursor {
  /** The `continue` token the page started with; empty for the first page. */
  continue: string;
  /** Items of that page already returned. */
  offset: number;
}

export function encodeCursor(cursor: ImageStreamCursor): string {
  return Buffer.from(JSON.stringify({ c: cursor.continue, o: cursor.offset })).toString('base64url');
}

export function decodeCursor(after: string): ImageStreamCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { c, o } = (parsed ?? {}) as { c?: unknown; o?: unknown };
  if (typeof c !== 'string' || typeof o !== 'number' || !Number.isInteger(o) || o < 0 || o > 10_000) {
    throw new UserInputError(
      'after must be a cursor returned by imageStreams (edges.cursor or pageInfo.endCursor), got a value that is not one',
      'after',
    );
  }
  return { continue: c, offset: o };
}
