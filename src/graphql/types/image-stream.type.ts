import { Field, ObjectType } from 'type-graphql';
import { ImageLookupPolicy } from './image-lookup-policy.type';
import { ObjectMeta } from './object-meta.type';
import { NamedTagEventList } from './tag-event.type';
import { TagReference } from './tag-reference.type';
import { Node } from './node.type';
import { UPSTREAM_DATA } from './upstream-data';

@ObjectType({ ...UPSTREAM_DATA, description: 'ImageStreamSpec represents options for ImageStreams.' })
export class ImageStreamSpec {
  @Field(() => ImageLookupPolicy, {
    nullable: true,
    description: 'lookupPolicy controls how other resources reference images within this namespace.',
  })
  lookupPolicy?: ImageLookupPolicy;

  @Field(() => String, {
    nullable: true,
    description:
      'dockerImageRepository is optional, if specified this stream is backed by a container repository on this server. ' +
      'Deprecated: specify the source for the tags to be imported in each tag via the spec.tags.from reference instead.',
  })
  dockerImageRepository?: string;

  @Field(() => [TagReference], {
    nullable: true,
    description: 'tags map arbitrary string values to specific image locators.',
  })
  tags?: TagReference[];
}

@ObjectType({ ...UPSTREAM_DATA, description: 'ImageStreamStatus contains information about the state of this image stream.' })
export class ImageStreamStatus {
  @Field(() => String, {
    nullable: true,
    description:
      'DockerImageRepository represents the effective location this stream may be accessed at. May be empty until the server determines where the repository is located.',
  })
  dockerImageRepository?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'PublicDockerImageRepository represents the public location from where the image can be pulled outside the cluster. ' +
      'This field may be empty if the administrator has not exposed the integrated registry externally.',
  })
  publicDockerImageRepository?: string;

  @Field(() => [NamedTagEventList], {
    nullable: true,
    description:
      'Tags are a historical record of images associated with each tag. The first entry in the TagEvent array is the currently tagged image.',
  })
  tags?: NamedTagEventList[];
}

@ObjectType({
  implements: Node,
  ...UPSTREAM_DATA,
  description:
    'An ImageStream stores a mapping of tags to images, metadata overrides that are applied when images are tagged in a stream, ' +
    'and an optional reference to a container image repository on a registry. ' +
    'The history of images applied to a tag is visible in the status.tags field.',
})
export class ImageStream {
  @Field(() => ObjectMeta, { description: "metadata is the standard object's metadata." })
  metadata!: ObjectMeta;

  @Field(() => ImageStreamSpec, { nullable: true, description: 'Spec describes the desired state of this stream.' })
  spec?: ImageStreamSpec;

  @Field(() => ImageStreamStatus, { nullable: true, description: 'Status describes the current state of this stream.' })
  status?: ImageStreamStatus;
}
