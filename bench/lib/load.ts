// Fixed-duration HTTP load with autocannon's programmatic API, for `npm run bench`: the same
// connections and duration for every scenario, a warm-up run that is not counted, and latencies
// taken from each response (autocannon's own histogram keeps whole milliseconds, too coarse for
// a 1 ms direct GET).
import autocannon from 'autocannon';
import { epochNow } from './probe';

export interface LoadTarget {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  method: 'GET' | 'POST';
  /** Path of every request; ignored when `nextPath` is given. */
  path: string;
  /** A path per request, e.g. round-robin over many names. */
  nextPath?: () => string;
  headers: Record<string, string>;
  body?: string;
  /** Whether an answer's body is right; the others count as `mismatches`. */
  verifyBody?: (body: string) => boolean;
}

export interface LoadResult {
  /** Answers received per second over the run. */
  rps: number;
  /** Answers received. */
  total: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  mismatches: number;
  /** When the run started and ended, epoch ms as ProcessWatch samples carry them. */
  from: number;
  to: number;
}

/** One run of `seconds` with `connections` kept-alive connections, each one request at a time. */
export async function runLoad(target: LoadTarget, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const from = epochNow();
  const nextPath = target.nextPath;
  const options: autocannon.Options = {
    url: target.url,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: target.method,
        path: target.path,
        headers: target.headers,
        ...(target.body === undefined ? {} : { body: target.body }),
        ...(nextPath ? { setupRequest: (request: autocannon.Request) => ({ ...request, path: nextPath() }) } : {}),
      },
    ],
    ...(target.verifyBody ? { verifyBody: (body: autocannon.Request['body']) => target.verifyBody!(String(body)) } : {}),
  };
  // The callback form hands back the instance, whose `response` events carry each latency.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => void latencies.push(responseTime));
  });
  const to = epochNow();
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.total / result.duration,
    total: result.requests.total,
    p50Ms: nearestRank(latencies, 0.5),
    p99Ms: nearestRank(latencies, 0.99),
    errors: result.errors,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    from,
    to,
  };
}

function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
