// Upstream misbehaviour on demand, for testing what the gateway does when the API server is
// slow, overloaded, gone quiet, or answering more than it was asked. Rates are probabilities per
// request; with a seed the same sequence of requests meets the same faults every run.

import { mulberry32 } from './seeded-random';

export interface DemoFaults {
  /** Added before every answer to a resource request. */
  latencyMs?: number;
  /** 0..1: answer 503 ServiceUnavailable (Retry-After: 1). */
  errorRate?: number;
  /** 0..1: never answer, until the client gives up or the cluster stops. */
  hangRate?: number;
  /** 0..1: add `spikeMs` on top of `latencyMs`. */
  spikeRate?: number;
  spikeMs?: number;
  /** 0..1: answer 429 TooManyRequests (Retry-After: 1), as API Priority and Fairness does. */
  rateLimitRate?: number;
  /**
   * 0..1: a 200 answer is padded to `oversizeBytes` with an annotation of that size (on the
   * object, or on a list's first item), streamed chunk by chunk without a content-length.
   */
  oversizeRate?: number;
  /** Body size of an oversized answer, in bytes; default DEFAULT_OVERSIZE_BYTES (64 MiB). */
  oversizeBytes?: number;
  /** 0..1: a paged LIST answers every item from where it starts, whatever `limit` asked. */
  ignoreLimitRate?: number;
  /**
   * 0..1: a paged LIST answer carries the request's own `continue` token, or, on a first page,
   * one that starts the list again (RESTART_CONTINUE_START): a client paging on would loop.
   */
  repeatContinueRate?: number;
  /** Seeds a deterministic PRNG; without it Math.random decides. */
  seed?: number;
}

/** 64 MiB: twice the gateway's default MAX_UPSTREAM_BODY_BYTES. */
export const DEFAULT_OVERSIZE_BYTES = 64 * 1024 * 1024;

export interface FaultDecision {
  delayMs: number;
  /** Whether `delayMs` includes a spike. */
  spiked: boolean;
  outcome: 'answer' | 'hang' | 'error' | 'rateLimit';
  /** Pad a 200 answer to this many bytes; only for `answer`. */
  oversizeBytes?: number;
  /** A paged LIST ignores `limit`; only for `answer`. */
  ignoreLimit: boolean;
  /** A paged LIST repeats the request's continue token (or restarts); only for `answer`. */
  repeatContinue: boolean;
}

/** The faults a cluster counts as it injects them (ignoreLimit and repeatContinue: where a paged LIST met them). */
export type InjectedFault = 'spike' | 'hang' | 'error' | 'rateLimit' | 'oversize' | 'ignoreLimit' | 'repeatContinue';
export const INJECTED_FAULTS: readonly InjectedFault[] = ['spike', 'hang', 'error', 'rateLimit', 'oversize', 'ignoreLimit', 'repeatContinue'];

export class FaultInjector {
  private random: () => number = Math.random;
  private seededWith: number | undefined;

  /** `current` is read on every decision, so faults changed at run time apply to the next request. */
  constructor(private readonly current: () => DemoFaults) {}

  decide(): FaultDecision {
    const faults = this.current();
    if (faults.seed !== this.seededWith) {
      this.seededWith = faults.seed;
      this.random = faults.seed === undefined ? Math.random : mulberry32(faults.seed);
    }
    // Only rates above zero draw, so adding a fault does not reshuffle the others' sequence.
    const hit = (rate: number | undefined): boolean => (rate ?? 0) > 0 && this.random() < (rate ?? 0);
    const spike = hit(faults.spikeRate) ? Math.max(0, faults.spikeMs ?? 0) : 0;
    const delayMs = Math.max(0, faults.latencyMs ?? 0) + spike;
    const failed = { delayMs, spiked: spike > 0, ignoreLimit: false, repeatContinue: false };
    if (hit(faults.hangRate)) return { ...failed, outcome: 'hang' };
    if (hit(faults.errorRate)) return { ...failed, outcome: 'error' };
    if (hit(faults.rateLimitRate)) return { ...failed, outcome: 'rateLimit' };
    // Drawn after the outcome, and only for answers, so the older faults keep their sequence.
    const oversize = hit(faults.oversizeRate);
    const ignoreLimit = hit(faults.ignoreLimitRate);
    const repeatContinue = hit(faults.repeatContinueRate);
    return {
      ...failed,
      outcome: 'answer',
      ...(oversize ? { oversizeBytes: Math.max(0, Math.floor(faults.oversizeBytes ?? DEFAULT_OVERSIZE_BYTES)) } : {}),
      ignoreLimit,
      repeatContinue,
    };
  }
}
