import { Field, ObjectType } from 'type-graphql';
import { IMAGE_LAYER_DOC } from '../../openshift/field-docs';
import { GraphQLSafeInt } from './scalars';
import { UPSTREAM_DATA } from './upstream-data';

@ObjectType({ ...UPSTREAM_DATA, description: IMAGE_LAYER_DOC[''] })
export class Layer {
  @Field(() => String, { description: IMAGE_LAYER_DOC.name })
  name!: string;

  @Field(() => GraphQLSafeInt, { description: IMAGE_LAYER_DOC.size })
  size!: number;

  // Nullable although current servers always write it: OpenShift 3.x servers sent layers without it.
  @Field(() => String, { nullable: true, description: IMAGE_LAYER_DOC.mediaType })
  mediaType?: string;
}
