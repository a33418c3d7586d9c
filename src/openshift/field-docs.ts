// The documentation of the image API's objects and fields, in one place: the GraphQL schema's
// descriptions and the demo cluster's OpenAPI document (what `kubectl explain` prints) are both
// made from it, so the two cannot tell a reader different things. After openshift/api's own
// field documentation, shortened where the GraphQL view differs (noted in the text).

export interface TypeDoc {
  /** The object's description. */
  '': string;
  [field: string]: string;
}

export const IMAGE_STREAM_IMAGE_DOC = {
  '':
    'ImageStreamImage represents an Image that is retrieved by image name from an ImageStream. ' +
    'User interfaces and regular users can use this resource to access the metadata details of a tagged image in the image stream history for viewing, ' +
    'since Image resources are not directly accessible to end users. ' +
    'The name of an image stream image is in the form "<STREAM>@<DIGEST>", where the digest is the content addressible identifier for the image (sha256:xxxxx...).',
  metadata: "metadata is the standard object's metadata: the requested name, the namespace, the image's creation time and the stream's annotations.",
  image: 'Image is an immutable representation of a container image and metadata at a point in time (without the raw manifest and config blobs).',
} as const satisfies TypeDoc;

export const IMAGE_DOC = {
  '':
    'Image is an immutable representation of a container image and metadata at a point in time. ' +
    'Images are named by taking a hash of their contents (metadata and content) and any change in format, content, or metadata results in a new name. ' +
    'End users access images via the imagestreamtags or imagestreamimages resources.',
  metadata: "metadata is the standard object's metadata. The name is the image digest (sha256:...).",
  dockerImageReference: 'DockerImageReference is the string that can be used to pull this image.',
  dockerImageMetadata: 'DockerImageMetadata contains metadata about this image.',
  dockerImageMetadataVersion: 'DockerImageMetadataVersion conveys the version of the object, which if empty defaults to "1.0".',
  dockerImageLayers:
    'DockerImageLayers represents the layers in the image. May not be set if the image does not define that data or if the image represents a manifest list.',
  signatures: 'Signatures holds all signatures of the image.',
  dockerImageSignatures: 'DockerImageSignatures provides the signatures as opaque blobs (base64-encoded). This is a part of manifest schema v1.',
  dockerImageManifestMediaType: 'DockerImageManifestMediaType specifies the mediaType of manifest. This is a part of manifest schema v2.',
  dockerImageManifests:
    'DockerImageManifests holds information about sub-manifests when the image represents a manifest list. ' +
    'When this field is present, no DockerImageLayers should be specified.',
} as const satisfies TypeDoc;

export const IMAGE_LAYER_DOC = {
  '': 'ImageLayer represents a single layer of the image. Some images may have multiple layers. Some may have none.',
  name: 'Name of the layer as defined by the underlying store (the blob digest).',
  size: 'Size of the layer in bytes as defined by the underlying store.',
  mediaType: 'MediaType of the referenced object. May be empty or absent on images stored by old servers.',
} as const satisfies TypeDoc;
