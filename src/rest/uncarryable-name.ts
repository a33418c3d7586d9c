// The few ImageStreamImage paths that cannot reach the API server unchanged: a namespace or name
// that is a dot segment (`.`, `..`), which URL handling anywhere on the way may remove, or that
// holds a NUL. The gateway never sends those; it answers what the API server answers a caller
// who may read the namespace (behaviour §2, §6). This is the one place where a caller without rights
// gets that answer instead of the API server's 403.
import { badRequestAnswer, type StatusAnswer } from '../errors';
import { invalidPathSegmentMessage, MALFORMED_ISI_NAME_MESSAGE, splitImageStreamImageName } from '../openshift/isi-name';
import { noSuchStreamStatus } from '../openshift/status';

/** Whether the adapter can put `value` into one path segment that arrives unchanged. */
export function isCarryable(value: string): boolean {
  return value !== '.' && value !== '..' && !value.includes('\u0000');
}

/** The answer to `GET namespaces/<namespace>/imagestreamimages/<name>` when either cannot be sent; the namespace never changes it. */
export function uncarryableAnswer(name: string): StatusAnswer {
  const parsed = splitImageStreamImageName(name);
  if (!parsed) return badRequestAnswer(MALFORMED_ISI_NAME_MESSAGE);
  const invalid = invalidPathSegmentMessage(parsed.stream);
  if (invalid) return badRequestAnswer(invalid);
  // A namespace that is a dot segment, or a NUL anywhere, names nothing that can exist (§6.3).
  return { httpStatus: 404, status: noSuchStreamStatus(parsed.stream) };
}
