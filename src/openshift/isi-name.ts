// `<stream>@<id>`, as the ImageStreamImage storage reads it (behaviour §2).
import { goQuote } from './go-json';

/** library-go's one message for any name that is not `<stream>@<id>` (§6.1). */
export const MALFORMED_ISI_NAME_MESSAGE = 'ImageStreamImages must be retrieved with <name>@<id>';

export interface ImageStreamImageName {
  stream: string;
  id: string;
}

/** Exactly one `@`, both sides non-empty; the id as it is. */
export function splitImageStreamImageName(value: string): ImageStreamImageName | undefined {
  const parts = value.split('@');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { stream: parts[0], id: parts[1] };
}

/**
 * k8s path.IsValidPathSegmentName, which the generic store applies to names: the message of its
 * 400 (`Name parameter invalid: "<n>": <why>`), or undefined for a valid segment.
 */
export function invalidPathSegmentMessage(segment: string): string | undefined {
  const reasons =
    segment === '.' || segment === '..'
      ? [`may not be '${segment}'`]
      : [...(segment.includes('/') ? ["may not contain '/'"] : []), ...(segment.includes('%') ? ["may not contain '%'"] : [])];
  return reasons.length > 0 ? `Name parameter invalid: ${goQuote(segment)}: ${reasons.join(';')}` : undefined;
}
