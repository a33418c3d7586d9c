// The JSON body of a review (TokenReview, SelfSubjectAccessReview): the only bodies the demo reads.
import type http from 'node:http';
import { badRequest, status, type DemoResponse } from './demo-status';

/** A review body is a few hundred bytes; more is refused rather than read. */
const MAX_REVIEW_BYTES = 64 * 1024;

/** The parsed body, or the answer the API server gives a body too large or not JSON (`kind` names the review). */
export function readReviewBody(req: http.IncomingMessage, kind: string): Promise<{ json: unknown } | DemoResponse> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REVIEW_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_REVIEW_BYTES) return resolve(status(413, 'RequestEntityTooLarge', 'the request body is too large'));
      try {
        resolve({ json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        resolve(badRequest(`the request body is not a ${kind}`));
      }
    });
  });
}
