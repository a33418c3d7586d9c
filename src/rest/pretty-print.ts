import type { FastifyRequest } from 'fastify';
import { isPrettyPrint } from '../openshift/request-target';

/** Whether the API server would indent its answer to `request` (behaviour §4). */
export function prettyPrint(request: FastifyRequest): boolean {
  const url = request.raw.url ?? '';
  const queryStart = url.indexOf('?');
  return isPrettyPrint(new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1)), request.headers['user-agent']);
}
