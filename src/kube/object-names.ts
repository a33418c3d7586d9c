import { splitImageStreamImageName } from '../openshift/isi-name';

// The naming rules of the objects the gateway reads. Checked before a request is built, so a
// name that cannot exist is refused without asking the API server, and none turns into a path.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// A digest or a prefix of one (`sha256:4d3a`, `4d3a646b`): what may follow `@` in an ISI name.
const IMAGE_ID = /^[A-Za-z0-9][A-Za-z0-9+._:-]*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/;

export type NameProblem = string;

/** Why `value` is not a namespace name, or undefined when it is one. */
export function namespaceProblem(value: string): NameProblem | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 63) return `must be at most 63 characters, got ${value.length}`;
  if (!DNS1123_LABEL.test(value)) return 'must be a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit)';
  return undefined;
}

/** Why `value` is not an image stream name, or undefined when it is one. */
export function streamNameProblem(value: string): NameProblem | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 253) return `must be at most 253 characters, got ${value.length}`;
  if (!DNS1123_SUBDOMAIN.test(value)) return 'must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".")';
  return undefined;
}

export { splitImageStreamImageName, type ImageStreamImageName } from '../openshift/isi-name';

/** Why `value` is not an `<stream>@<digest or prefix>` name, or undefined when it is one. */
export function imageStreamImageNameProblem(value: string): NameProblem | undefined {
  const split = splitImageStreamImageName(value);
  if (!split) return 'must be <stream>@<digest or digest prefix>, with exactly one "@"';
  const streamProblem = streamNameProblem(split.stream);
  if (streamProblem) return `stream part ${streamProblem}`;
  if (split.id.length > 200 || !IMAGE_ID.test(split.id)) return 'the part after "@" must be an image digest or a prefix of one';
  return undefined;
}

/** Why `value` is not an `<stream>:<tag>` name, or undefined when it is one. */
export function imageStreamTagNameProblem(value: string): NameProblem | undefined {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon !== value.lastIndexOf(':')) return 'must be <stream>:<tag>, with exactly one ":"';
  const streamProblem = streamNameProblem(value.slice(0, colon));
  if (streamProblem) return `stream part ${streamProblem}`;
  if (!TAG.test(value.slice(colon + 1))) return 'the tag after ":" must be 1-128 letters, digits, "_", "." or "-", not starting with "." or "-"';
  return undefined;
}

/** Why `value` is not an image name (a content digest such as `sha256:<64 hex>`). */
export function imageNameProblem(value: string): NameProblem | undefined {
  return DIGEST.test(value) ? undefined : 'must be an image digest such as sha256:<64 lower-case hex digits>';
}
