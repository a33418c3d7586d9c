import { Field, ObjectType } from 'type-graphql';
import { GraphQLSafeInt } from './scalars';

@ObjectType({
  description:
    'ImageLayer represents a single layer of the image. Some images may have multiple layers. Some may have none.',
})
export class Layer {
  @Field(() => String, { description: 'Name of the layer as defined by the underlying store (the blob digest).' })
  name!: string;

  @Field(() => GraphQLSafeInt, {
    description: 'Size of the layer in bytes as defined by the underlying store.',
  })
  size!: number;

  // Nullable although current servers always write it: OpenShift 3.x servers sent layers without it.
  @Field(() => String, {
    nullable: true,
    description: 'MediaType of the referenced object. May be empty or absent on images stored by old servers.',
  })
  mediaType?: string;
}
