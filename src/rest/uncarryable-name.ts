// The few ImageStreamImage paths that cannot reach the API server unchanged: a namespace or name
// that is a dot segment (`.`, `..`), which URL handling anywhere on the way may remove, or that
// holds a NUL. The gateway never sends those; it answers what the API server answers a caller
// who may read the namespace (behaviour §2, §6). This is the one place where a caller without rights
// gets that answer instead of the API server's 403.
import { badRequestAnswer, failureStatus, type StatusAnswer } from '../errors';
import { splitImageStreamImageName } from '../kube/object-names';
import { goQuote } from './go-json';

/** library-go's one message for any name that is not `<stream>@<id>` (behaviour §2, §6.1). */
export const MALFORMED_NAME_MESSAGE = 'ImageStreamImages must be retrieved with <name>@<id>';

const GROUP = 'image.openshift.io';

/** Whether the adapter can put `value` into one path segment that arrives unchanged. */
export function isCarryable(value: string): boolean {
  return value !== '.' && value !== '..' && !value.includes('\u0000');
}

/** The answer to `GET namespaces/<namespace>/imagestreamimages/<name>` when either cannot be sent; the namespace never changes it. */
export function uncarryableAnswer(name: string): StatusAnswer {
  const parsed = splitImageStreamImageName(name);
  if (!parsed) return badRequestAnswer(MALFORMED_NAME_MESSAGE);
  const { stream } = parsed;
  // k8s path.IsValidPathSegmentName, applied to the stream part once the name has parsed.
  if (stream === '.' || stream === '..') return badRequestAnswer(`Name parameter invalid: ${goQuote(stream)}: may not be '${stream}'`);
  // A namespace that is a dot segment, or a NUL anywhere, names nothing that can exist (§6.3).
  return {
    httpStatus: 404,
    status: failureStatus(404, 'NotFound', `imagestreamimages.${GROUP} ${goQuote(stream)} not found`, { name: stream, group: GROUP, kind: 'imagestreamimages' }),
  };
}
