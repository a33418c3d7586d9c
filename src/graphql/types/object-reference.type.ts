import { Field, ObjectType } from 'type-graphql';

@ObjectType({
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
