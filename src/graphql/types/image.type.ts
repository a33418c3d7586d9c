import { Field, ObjectType } from 'type-graphql';
import { DockerImageMetadata } from './docker-image-metadata.type';
import { Layer } from './layer.type';
import { Manifest } from './manifest.type';
import { ObjectMeta } from './object-meta.type';
import { Signature } from './signature.type';

// dockerImageManifest and dockerImageConfig are left out on purpose: the image stream image and
// image stream tag endpoints strip both blobs, so they would be null on every path the graph offers.
@ObjectType({
  description:
    'Image is an immutable representation of a container image and metadata at a point in time. ' +
    'Images are named by taking a hash of their contents (metadata and content) and any change in format, content, or metadata results in a new name. ' +
    'End users access images via the imagestreamtags or imagestreamimages resources.',
})
export class Image {
  @Field(() => ObjectMeta, {
    description: "metadata is the standard object's metadata. The name is the image digest (sha256:...).",
  })
  metadata!: ObjectMeta;

  @Field(() => String, {
    nullable: true,
    description: 'DockerImageReference is the string that can be used to pull this image.',
  })
  dockerImageReference?: string;

  @Field(() => DockerImageMetadata, {
    nullable: true,
    description: 'DockerImageMetadata contains metadata about this image.',
  })
  dockerImageMetadata?: DockerImageMetadata;

  @Field(() => String, {
    nullable: true,
    description: 'DockerImageMetadataVersion conveys the version of the object, which if empty defaults to "1.0".',
  })
  dockerImageMetadataVersion?: string;

  @Field(() => [Layer], {
    nullable: true,
    description:
      'DockerImageLayers represents the layers in the image. May not be set if the image does not define that data or if the image represents a manifest list.',
  })
  dockerImageLayers?: Layer[];

  @Field(() => [Signature], { nullable: true, description: 'Signatures holds all signatures of the image.' })
  signatures?: Signature[];

  @Field(() => [String], {
    nullable: true,
    description:
      'DockerImageSignatures provides the signatures as opaque blobs (base64-encoded). This is a part of manifest schema v1.',
  })
  dockerImageSignatures?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'DockerImageManifestMediaType specifies the mediaType of manifest. This is a part of manifest schema v2.',
  })
  dockerImageManifestMediaType?: string;

  @Field(() => [Manifest], {
    nullable: true,
    description:
      'DockerImageManifests holds information about sub-manifests when the image represents a manifest list. ' +
      'When this field is present, no DockerImageLayers should be specified.',
  })
  dockerImageManifests?: Manifest[];
}
