import type { FastifyReply } from 'fastify';
import type { StatusAnswer } from '../errors';
import type { Status } from '../kube/types';
import { sendJson } from './send-json';

const STATUS_KEYS = ['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'details', 'code'] as const;
const DETAILS_KEYS = ['name', 'group', 'kind', 'uid', 'causes', 'retryAfterSeconds'] as const;

/** `object` with `order`'s keys first, in that order, then any others as they came. */
function inOrder<T extends object>(object: T, order: readonly string[]): T {
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (Object.hasOwn(object, key)) ordered[key] = (object as Record<string, unknown>)[key];
  return Object.assign(ordered, object) as T;
}

/**
 * A Status in the key order of Go's metav1.Status, so that an upstream Status (which the adapter
 * parsed, and may have completed) goes out as the API server wrote it.
 */
export function goOrderedStatus(status: Status): Status {
  const ordered = inOrder(status, STATUS_KEYS);
  return status.details ? { ...ordered, details: inOrder(status.details, DETAILS_KEYS) } : ordered;
}

/** Sends a Kubernetes `Status` answer: its HTTP code, its body, and `Retry-After` when it has one. */
export function sendStatus(reply: FastifyReply, answer: StatusAnswer, pretty: boolean): FastifyReply {
  return sendJson(reply, answer.httpStatus, goOrderedStatus(answer.status), { pretty, retryAfterSeconds: answer.retryAfterSeconds });
}
