import type { FastifyReply } from 'fastify';
import type { StatusAnswer } from '../errors';
import { goOrderedStatus } from '../openshift/status';
import { sendJson } from './send-json';

/** Sends a Kubernetes `Status` answer: its HTTP code, its body, and `Retry-After` when it has one. */
export function sendStatus(reply: FastifyReply, answer: StatusAnswer, pretty: boolean): FastifyReply {
  return sendJson(reply, answer.httpStatus, goOrderedStatus(answer.status), { pretty, retryAfterSeconds: answer.retryAfterSeconds });
}
