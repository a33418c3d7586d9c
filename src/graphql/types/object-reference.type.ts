import { Field, ObjectType } from 'type-graphql';
import { UPSTREAM_DATA } from './upstream-data';

@ObjectType({
  ...UPSTREAM_DATA,
  description: 'ObjectReference contains enough information to let you inspect or modify the referred object.',
})
export class ObjectReference {
  @Field(() => String, {
    nullable: true,
    description: 'Kind of the referent: DockerImage, ImageStreamTag or ImageStreamImage for a spec tag.',
  })
  kind?: string;

  @Field(() => String, { nullable: true, description: 'Name of the referent.' })
  name?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Namespace of the referent. Empty means the namespace of the referring object.',
  })
  namespace?: string;
}
