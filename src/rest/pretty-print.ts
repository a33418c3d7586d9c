import type { FastifyRequest } from 'fastify';

// strconv.ParseBool's spellings; anything else is false, as in Go (the error is ignored there).
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * Whether the API server would indent its answer: `?pretty=<bool>` when given (non-empty),
 * otherwise when the user agent is curl, Wget or a browser (k8s.io/apiserver's isPrettyPrint).
 */
export function prettyPrint(request: FastifyRequest): boolean {
  const url = request.raw.url ?? '';
  const queryStart = url.indexOf('?');
  if (queryStart !== -1) {
    const value = new URLSearchParams(url.slice(queryStart + 1)).get('pretty');
    if (value) return TRUE.has(value);
  }
  const userAgent = request.headers['user-agent'] ?? '';
  return userAgent.startsWith('curl') || userAgent.startsWith('Wget') || userAgent.startsWith('Mozilla/5.0');
}
