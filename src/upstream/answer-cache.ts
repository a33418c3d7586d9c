import { LRUCache } from 'lru-cache';
import { KubeApiError } from '../kube/errors';
import { interpretAnswer, READ_SHAPES } from '../kube/interpret-answer';
import type { ReadRequest, UpstreamBody } from '../kube/kube-client';
import type { CachedAnswer, SharedCache } from './shared-cache';

export interface AnswerCacheOptions {
  /** Bytes the in-memory tier may hold (CACHE_MAX_BYTES), counted as ENTRY_SIZE_FACTOR times each answer's text. */
  maxBytes: number;
  /** How long an answer is served from the cache (CACHE_TTL_SECONDS), in milliseconds; > 0. */
  ttlMs: number;
  /** The same for Image objects (CACHE_IMAGE_TTL_SECONDS): they are named by their content's digest. */
  imageTtlMs: number;
  /** The tier shared between replicas (Redis), looked up when memory misses. */
  shared?: SharedCache;
}

/**
 * An entry's text is held with its parsed JSON beside it (so a hit in memory costs no parse); the
 * parsed objects take about twice the text's size, so an entry counts as three times its text.
 */
export const ENTRY_SIZE_FACTOR = 3;

/** Refusals kept briefly, like answers: a caller who may not read something asks again and again. */
const CACHED_REFUSALS = new Set([403, 404]);

interface MemoryEntry {
  answer: CachedAnswer;
  /** The parsed, frozen JSON of a 2xx answer; refusals are rebuilt from their text. */
  value?: unknown;
}

export interface AnswerCacheStats {
  hits: number;
  sharedHits: number;
  misses: number;
  evictions: number;
}

/**
 * Upstream answers kept across requests for a few seconds: in memory, bounded in bytes, and, when
 * a shared tier is given, in it too. Keys are made by the session from a keyed hash of the
 * caller's credentials and the request's path, so an entry is only ever found again by the
 * caller whose credentials fetched it. What is kept: 2xx answers and the 403 and 404 refusals;
 * never 5xx, 429, timeouts or answers that could not be used.
 */
export class AnswerCache {
  private readonly memory: LRUCache<string, MemoryEntry>;
  readonly stats: AnswerCacheStats = { hits: 0, sharedHits: 0, misses: 0, evictions: 0 };

  constructor(private readonly options: AnswerCacheOptions) {
    for (const name of ['maxBytes', 'ttlMs', 'imageTtlMs'] as const) {
      const value = options[name];
      if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
    }
    this.memory = new LRUCache<string, MemoryEntry>({
      maxSize: options.maxBytes,
      sizeCalculation: (entry, key) => Math.max(1, entry.answer.body.length * ENTRY_SIZE_FACTOR + key.length),
      dispose: (_entry, _key, reason) => {
        if (reason === 'evict') this.stats.evictions++;
      },
      // Expired entries are dropped when met; the byte bound holds whatever their age.
      ttlAutopurge: false,
    });
  }

  /** Bytes the in-memory tier holds now (as counted against maxBytes). */
  get bytes(): number {
    return this.memory.calculatedSize;
  }

  /** Entries in memory now. */
  get size(): number {
    return this.memory.size;
  }

  /** How long an answer to `request` is kept. */
  ttlFor(request: ReadRequest): number {
    return request.verb === 'get' && request.resource === 'images' ? this.options.imageTtlMs : this.options.ttlMs;
  }

  /**
   * The answer kept under `key`: its JSON, or the refusal it was, thrown as the KubeApiError it
   * was first; undefined on a miss. An answer from the shared tier is read like an upstream one
   * (it may come from another version of the gateway) and not copied into memory, so that no
   * answer is served for longer than its TTL after it was fetched.
   */
  async lookup(key: string, request: ReadRequest): Promise<UpstreamBody | undefined> {
    const entry = this.memory.get(key);
    if (entry) {
      this.stats.hits++;
      if (entry.value !== undefined) return { value: entry.value, text: entry.answer.body };
      return this.interpret(entry.answer, request);
    }
    const shared = await this.options.shared?.get(key);
    if (shared) {
      this.stats.sharedHits++;
      return this.interpret(shared, request);
    }
    this.stats.misses++;
    return undefined;
  }

  /** Keeps a fresh 2xx answer; its JSON is frozen, since every later hit hands out the same object. */
  storeAnswer(key: string, request: ReadRequest, body: UpstreamBody): void {
    const answer: CachedAnswer = { statusCode: 200, body: body.text };
    this.store(key, request, { answer, value: deepFreeze(body.value) });
  }

  /** Keeps a refusal (403, 404); any other failure is not kept. */
  storeFailure(key: string, request: ReadRequest, error: unknown): void {
    if (!(error instanceof KubeApiError) || !CACHED_REFUSALS.has(error.httpStatus)) return;
    // The Status as the adapter made it safe (credentials redacted), not the bytes it came in.
    this.store(key, request, { answer: { statusCode: error.httpStatus, body: JSON.stringify(error.status) } });
  }

  private store(key: string, request: ReadRequest, entry: MemoryEntry): void {
    const ttl = this.ttlFor(request);
    this.memory.set(key, entry, { ttl });
    // Not awaited: the shared tier never holds up an answer, and reports its own failures.
    void this.options.shared?.set(key, entry.answer, ttl);
  }

  private interpret(answer: CachedAnswer, request: ReadRequest): UpstreamBody {
    // Throws the kept refusal as the KubeApiError it was (interpretAnswer's own reading of it).
    const value = interpretAnswer(
      { statusCode: answer.statusCode, headers: { 'content-type': 'application/json' }, body: answer.body },
      { what: `${cachedWhat(request)} (cached)`, shape: READ_SHAPES[request.verb] },
    );
    return { value, text: answer.body };
  }
}

function cachedWhat(request: ReadRequest): string {
  if (request.verb === 'path') return `GET ${request.path}`;
  if (request.verb === 'review') return 'POST selfsubjectaccessreviews';
  return `GET ${request.resource}`;
}

/** Freezes `value` and everything in it, so that no request can change what another is served. */
function deepFreeze<T>(value: T): T {
  const pending: unknown[] = [value];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next !== 'object' || next === null || Object.isFrozen(next)) continue;
    Object.freeze(next);
    for (const child of Object.values(next)) pending.push(child);
  }
  return value;
}
