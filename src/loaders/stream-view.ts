import type { ImageStream } from '../kube/types';

/**
 * The stream a nested object (a tag history, a history entry, an image, a manifest-list member)
 * was read through. The API's nested JSON does not name its stream, yet navigation from it must
 * go through that stream: each parent resolver hands its children views that carry it.
 */
export interface StreamOrigin {
  namespace: string;
  stream: string;
  /** The stream as this request read it with the caller's token, when it was read (not when reached through an ISI or an ISTag). */
  imageStream?: ImageStream;
}

const ORIGIN = Symbol('stream origin');

/** A view of upstream JSON: the same fields, and the stream it was read through. */
export type StreamView<T extends object> = T & { readonly [ORIGIN]: StreamOrigin };

/**
 * `json` as seen through `origin`: a shallow copy carrying it under a symbol, so the fields stay
 * what the API server sent and nothing else (the REST route, the cache) ever sees the origin.
 * One object reached through two streams is two views, each with its own way back.
 */
export function viewThrough<T extends object>(json: T, origin: StreamOrigin): StreamView<T> {
  return { ...json, [ORIGIN]: origin };
}

export function originOf(value: object): StreamOrigin | undefined {
  return (value as Partial<StreamView<object>>)[ORIGIN];
}

/** The origin of a stream's own nested objects. */
export function originOfStream(stream: ImageStream): StreamOrigin | undefined {
  const { namespace, name } = stream.metadata;
  return namespace && name ? { namespace, stream: name, imageStream: stream } : undefined;
}

/** The origin of what an `<stream><separator><id>` object (an ISI, an ISTag) holds. */
export function originOfNamed(namespace: string | undefined, name: string | undefined, separator: '@' | ':'): StreamOrigin | undefined {
  const stream = name?.slice(0, Math.max(0, name.indexOf(separator)));
  return namespace && stream ? { namespace, stream } : undefined;
}
