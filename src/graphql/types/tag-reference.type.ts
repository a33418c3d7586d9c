import { Field, Int, ObjectType } from 'type-graphql';
import { ObjectReference } from './object-reference.type';
import { GraphQLJSONObject } from './scalars';
import { UPSTREAM_DATA } from './upstream-data';

@ObjectType({ ...UPSTREAM_DATA, description: 'TagImportPolicy controls how images related to this tag will be imported.' })
export class TagImportPolicy {
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Insecure is true if the server may bypass certificate verification or connect directly over HTTP during image import.',
  })
  insecure?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Scheduled indicates to the server that this tag should be periodically checked to ensure it is up to date, and imported.',
  })
  scheduled?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'ImportMode describes how to import an image manifest: Legacy (only the manifest for the cluster architecture) or PreserveOriginal (the whole manifest list). Absent on servers that predate it.',
  })
  importMode?: string;
}

@ObjectType({
  ...UPSTREAM_DATA,
  description:
    'TagReferencePolicy describes how pull-specs for images in this image stream tag are generated when image change triggers in deployment configs or builds are resolved. ' +
    'This allows the image stream author to control how images are accessed.',
})
export class TagReferencePolicy {
  @Field(() => String, {
    nullable: true,
    description:
      'Type determines how the image pull spec should be transformed when the image stream tag is used in deployment config triggers or new builds. ' +
      'The default value is `Source`, indicating the original location of the image should be used (if imported). ' +
      'The user may also specify `Local`, indicating that the pull spec should point to the integrated container image registry ' +
      "and leverage the registry's ability to proxy the pull to an upstream registry.",
  })
  type?: string;
}

@ObjectType({
  ...UPSTREAM_DATA,
  description:
    'TagReference specifies optional annotations for images using this tag and an optional reference to an ImageStreamTag, ImageStreamImage, or DockerImage this tag should track.',
})
export class TagReference {
  @Field(() => String, { description: 'Name of the tag.' })
  name!: string;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Optional; if specified, annotations that are applied to images retrieved via ImageStreamTags.',
  })
  annotations?: Record<string, string> | null;

  @Field(() => ObjectReference, {
    nullable: true,
    description:
      'Optional; if specified, a reference to another image that this tag should point to. Valid values are ImageStreamTag, ImageStreamImage, and DockerImage. ' +
      'ImageStreamTag references can only reference a tag within this same ImageStream.',
  })
  from?: ObjectReference;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Reference states if the tag will be imported. Default value is false, which means the tag will be imported.',
  })
  reference?: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'Generation is a counter that tracks mutations to the spec tag (user intent). When a tag reference is changed the generation is set to match the current stream generation ' +
      '(which is incremented every time spec is changed). Other processes in the system like the image importer observe that the generation of spec tag is newer than the generation ' +
      'recorded in the status and use that as a trigger to import the newest remote tag.',
  })
  generation?: number | null;

  @Field(() => TagImportPolicy, {
    nullable: true,
    description: 'ImportPolicy is information that controls how images may be imported by the server.',
  })
  importPolicy?: TagImportPolicy;

  @Field(() => TagReferencePolicy, {
    nullable: true,
    description: 'ReferencePolicy defines how other components should consume the image. Absent on servers that predate it.',
  })
  referencePolicy?: TagReferencePolicy;
}
