import { classifyError, type ClassifiedError, type ErrorCode, type LogLevelOfError } from './errors';

const LEVEL_RANK: Record<LogLevelOfError, number> = { none: 0, debug: 1, warn: 2, error: 3 };

/** How much of a failure's own message the operator's log line keeps. */
const DETAIL_LENGTH = 300;

/** What a request's upstream session counts (an `UpstreamSession` is one). */
export interface UpstreamUse {
  readonly stats: { readonly upstreamCalls: number; readonly cacheHits: number };
  readonly budget: { readonly bytes: number };
}

/**
 * What one request met, gathered for its single log line: the codes of its failed fields
 * counted (not one line each), the most serious log level among them, and the detail of the
 * first failure worth the operator's attention.
 */
export class RequestReport {
  readonly codes: Partial<Record<ErrorCode, number>> = {};
  level: LogLevelOfError = 'none';
  /** The first failure logged at warn or above, its message cut to DETAIL_LENGTH. */
  detail: { name: string; message: string } | undefined;
  operationName: string | undefined;
  /** The request's upstream session, once its context exists: its calls, cache hits and bytes go on the line. */
  upstream: UpstreamUse | undefined;

  /** Counts `error` (anything a resolver or route threw) by its client-facing code. */
  add(error: unknown): ErrorCode {
    return this.addClassified(error).code;
  }

  /** Like `add`, returning the whole classification. */
  addClassified(error: unknown): ClassifiedError {
    const classified = classifyError(error);
    const { code, log } = classified;
    this.codes[code] = (this.codes[code] ?? 0) + 1;
    if (LEVEL_RANK[log] > LEVEL_RANK[this.level]) this.level = log;
    if (this.detail === undefined && LEVEL_RANK[log] >= LEVEL_RANK.warn && error instanceof Error) {
      const message = error.message.length > DETAIL_LENGTH ? `${error.message.slice(0, DETAIL_LENGTH)}…` : error.message;
      this.detail = { name: error.name, message };
    }
    return classified;
  }

  /** Counts an error that already carries its code (one Apollo or graphql-js made). */
  addCode(code: ErrorCode): void {
    this.codes[code] = (this.codes[code] ?? 0) + 1;
  }
}
