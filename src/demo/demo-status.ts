// The demo's answers: metav1.Status bodies from the shared builders of src/openshift/status
// (behaviour §6), with the HTTP code and headers the demo's server writes them with.
import { invalidPathSegmentMessage } from '../openshift/isi-name';
import {
  badRequestStatus,
  failureStatus,
  IMAGE_GROUP,
  methodNotAllowedStatus,
  notFoundStatus,
  routeNotFoundStatus,
  unauthorizedStatus,
  type Status,
  type StatusDetails,
} from '../openshift/status';

export { IMAGE_GROUP };

/** What a handler answers; the server turns it into bytes (Go JSON, pretty or not). */
export interface DemoResponse {
  code: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function status(code: number, reason: string | undefined, message: string, details?: StatusDetails, headers?: Record<string, string>): DemoResponse {
  return { code, body: failureStatus(code, reason, message, details), ...(headers ? { headers } : {}) };
}

/** A Status of the shared builders, answered with its own code. */
const answer = (body: Status): DemoResponse => ({ code: body.code, body });

/** `<resource>.image.openshift.io "<name>" not found`; `resource` is whatever the caller's store reports (§6.2, §6.3). */
export const notFound = (resource: string, name: string): DemoResponse => answer(notFoundStatus(resource, name));

export const badRequest = (message: string): DemoResponse => answer(badRequestStatus(message));

export const unauthorized = (): DemoResponse => answer(unauthorizedStatus());

/** The generic router's answer for a path no route serves; `details` is an empty object (§6.6). */
export const routeNotFound = (): DemoResponse => answer(routeNotFoundStatus());

export const methodNotAllowed = (): DemoResponse => answer(methodNotAllowedStatus());

export function expiredContinue(): DemoResponse {
  return status(
    410,
    'Expired',
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
  );
}

export function serviceUnavailable(): DemoResponse {
  return status(503, 'ServiceUnavailable', 'the server is currently unable to handle the request', { retryAfterSeconds: 1 }, { 'Retry-After': '1' });
}

export function tooManyRequests(): DemoResponse {
  return status(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds: 1 }, { 'Retry-After': '1' });
}

// k8s path.IsValidPathSegmentName: names become etcd key segments, so these are refused.
export function invalidPathSegment(name: string): DemoResponse | undefined {
  const message = invalidPathSegmentMessage(name);
  return message === undefined ? undefined : badRequest(message);
}
