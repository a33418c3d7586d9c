import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { KubeClient } from '../kube/kube-client';

export interface TokenReviewerOptions {
  /** How long an answer about a token is believed. */
  ttlMs: number;
  /** Most tokens remembered at once. */
  maxTokens: number;
  /** Time one review may take. */
  timeoutMs?: number;
}

/**
 * Asks the API server, with a TokenReview made with the gateway's own credentials, whether a
 * caller's token is valid, before any of the caller's work is done: a client with a made-up token
 * then costs one review every few seconds, not a parse, a validation and a round of upstream
 * calls per request. Answers are remembered for `ttlMs` by a hash of the token (never the token),
 * and concurrent requests with one token share one review.
 */
export class TokenReviewer {
  private readonly answers: LRUCache<string, boolean>;
  private readonly pending = new Map<string, Promise<boolean>>();

  /** Reviews sent to the API server (for tests and metrics). */
  reviews = 0;

  constructor(
    private readonly kube: Required<Pick<KubeClient, 'reviewToken'>>,
    private readonly options: TokenReviewerOptions,
  ) {
    this.answers = new LRUCache({ max: options.maxTokens, ttl: options.ttlMs });
  }

  /** Whether `token` is authenticated; rejects (UpstreamUnavailableError …) when the review cannot be made. */
  authenticated(token: string): Promise<boolean> {
    const key = createHash('sha256').update(token).digest('hex');
    const known = this.answers.get(key);
    if (known !== undefined) return Promise.resolve(known);
    let review = this.pending.get(key);
    if (!review) {
      this.reviews++;
      const deadline = this.options.timeoutMs === undefined ? undefined : Date.now() + this.options.timeoutMs;
      review = this.kube
        .reviewToken(token, { auth: { kind: 'gateway' }, deadline })
        .then((authenticated) => {
          this.answers.set(key, authenticated);
          return authenticated;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, review);
    }
    return review;
  }
}
