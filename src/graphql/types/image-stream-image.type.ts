import { Field, ObjectType } from 'type-graphql';
import { IMAGE_STREAM_IMAGE_DOC } from '../../openshift/field-docs';
import { Image } from './image.type';
import { ObjectMeta } from './object-meta.type';
import { Node } from './node.type';
import { UPSTREAM_DATA } from './upstream-data';

@ObjectType({ implements: Node, ...UPSTREAM_DATA, description: IMAGE_STREAM_IMAGE_DOC[''] })
export class ImageStreamImage {
  @Field(() => ObjectMeta, { description: IMAGE_STREAM_IMAGE_DOC.metadata })
  metadata!: ObjectMeta;

  @Field(() => Image, { description: IMAGE_STREAM_IMAGE_DOC.image })
  image!: Image;
}
