import { Field, ObjectType } from 'type-graphql';
import { IMAGE_DOC } from '../../openshift/field-docs';
import { DockerImageMetadata } from './docker-image-metadata.type';
import { Layer } from './layer.type';
import { Manifest } from './manifest.type';
import { ObjectMeta } from './object-meta.type';
import { Signature } from './signature.type';
import { Node } from './node.type';
import { UPSTREAM_DATA } from './upstream-data';

// dockerImageManifest and dockerImageConfig are left out on purpose: the image stream image and
// image stream tag endpoints strip both blobs, so they would be null on every path the graph offers.
@ObjectType({ implements: Node, ...UPSTREAM_DATA, description: IMAGE_DOC[''] })
export class Image {
  @Field(() => ObjectMeta, {
    description: IMAGE_DOC.metadata,
  })
  metadata!: ObjectMeta;

  @Field(() => String, {
    nullable: true,
    description: IMAGE_DOC.dockerImageReference,
  })
  dockerImageReference?: string;

  @Field(() => DockerImageMetadata, {
    nullable: true,
    description: IMAGE_DOC.dockerImageMetadata,
  })
  dockerImageMetadata?: DockerImageMetadata;

  @Field(() => String, {
    nullable: true,
    description: IMAGE_DOC.dockerImageMetadataVersion,
  })
  dockerImageMetadataVersion?: string;

  @Field(() => [Layer], {
    nullable: true,
    description: IMAGE_DOC.dockerImageLayers,
  })
  dockerImageLayers?: Layer[];

  @Field(() => [Signature], { nullable: true, description: IMAGE_DOC.signatures, })
  signatures?: Signature[];

  @Field(() => [String], {
    nullable: true,
    description: IMAGE_DOC.dockerImageSignatures,
  })
  dockerImageSignatures?: string[];

  @Field(() => String, {
    nullable: true,
    description: IMAGE_DOC.dockerImageManifestMediaType,
  })
  dockerImageManifestMediaType?: string;

  @Field(() => [Manifest], {
    nullable: true,
    description: IMAGE_DOC.dockerImageManifests,
  })
  dockerImageManifests?: Manifest[];
}
