import { Field, Int, ObjectType } from 'type-graphql';
import { ImageLookupPolicy } from './image-lookup-policy.type';
import { Image } from './image.type';
import { ObjectMeta } from './object-meta.type';
import { TagEventCondition } from './tag-event.type';
import { TagReference } from './tag-reference.type';
import { Node } from './node.type';
import { UPSTREAM_DATA } from './upstream-data';

@ObjectType({
  implements: Node,
  ...UPSTREAM_DATA,
  description:
    'ImageStreamTag represents an Image that is retrieved by tag name from an ImageStream. ' +
    'The image associated with this resource is the most recently successfully tagged, imported, or pushed image ' +
    '(as described in the image stream status.tags.items list for this tag). If an import is in progress or has failed the previous image will be shown.',
})
export class ImageStreamTag {
  @Field(() => ObjectMeta, { description: "metadata is the standard object's metadata; the name is <stream>:<tag>." })
  metadata!: ObjectMeta;

  @Field(() => TagReference, {
    nullable: true,
    description:
      'tag is the spec tag associated with this image stream tag, and it may be null if only pushes have occurred to this image stream.',
  })
  tag!: TagReference | null;

  @Field(() => Int, {
    description:
      'generation is the current generation of the tagged image - if tag is provided and this value is not equal to the tag generation, ' +
      'a user has requested an import that has not completed, or conditions will be filled out indicating any error.',
  })
  generation!: number;

  @Field(() => ImageLookupPolicy, {
    description: 'lookupPolicy indicates whether this tag will handle image references in this namespace.',
  })
  lookupPolicy!: ImageLookupPolicy;

  @Field(() => [TagEventCondition], {
    nullable: true,
    description: 'conditions is an array of conditions that apply to the image stream tag.',
  })
  conditions?: TagEventCondition[];

  @Field(() => Image, { description: 'image associated with the ImageStreamTag.' })
  image!: Image;
}
