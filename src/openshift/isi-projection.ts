// The ImageStreamImage the API server makes from a stream and one of its images (behaviour §3
// step 6, §4): never stored, always built the same way. The demo cluster builds its answers with
// it; the gateway can build, with it, the view of one image through another stream of the same
// namespace that references it.

/** What the projection reads of an Image: its metadata, and the two fields it leaves out. */
export interface ProjectableImage {
  kind?: string;
  apiVersion?: string;
  metadata: { creationTimestamp?: string | null };
  dockerImageManifest?: string;
  dockerImageConfig?: string;
}

export interface ImageStreamImageProjection<I> {
  kind: 'ImageStreamImage';
  apiVersion: 'image.openshift.io/v1';
  metadata: { name: string; namespace: string; creationTimestamp: string | null; annotations?: Record<string, string> };
  image: Omit<I, 'kind' | 'apiVersion' | 'dockerImageManifest' | 'dockerImageConfig'>;
}

/**
 * The ISI named `name` (as asked: a short prefix stays short) in `namespace`: the image's
 * creation time, the stream's annotations (none when it has none), and the image itself without
 * its own kind and API version, its manifest and its config. Nothing else of the image changes.
 */
export function projectImageStreamImage<I extends ProjectableImage>(
  name: string,
  namespace: string,
  streamAnnotations: Record<string, string> | undefined | null,
  image: I,
): ImageStreamImageProjection<I> {
  const { kind: _kind, apiVersion: _apiVersion, dockerImageManifest: _manifest, dockerImageConfig: _config, ...kept } = image;
  return {
    kind: 'ImageStreamImage',
    apiVersion: 'image.openshift.io/v1',
    metadata: {
      name,
      namespace,
      creationTimestamp: image.metadata.creationTimestamp ?? null,
      ...(streamAnnotations ? { annotations: streamAnnotations } : {}),
    },
    image: kept,
  };
}
