// Upstream misbehaviour on demand, for testing what the gateway does when the API server is
// slow, overloaded or gone quiet. Rates are probabilities per request; with a seed the same
// sequence of requests meets the same faults every run.

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
  /** Seeds a deterministic PRNG; without it Math.random decides. */
  seed?: number;
}

export type FaultDecision = { delayMs: number; outcome: 'answer' | 'hang' | 'error' | 'rateLimit' };

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
    if (hit(faults.hangRate)) return { delayMs, outcome: 'hang' };
    if (hit(faults.errorRate)) return { delayMs, outcome: 'error' };
    if (hit(faults.rateLimitRate)) return { delayMs, outcome: 'rateLimit' };
    return { delayMs, outcome: 'answer' };
  }
}
