import { Field, Int, ObjectType } from 'type-graphql';
import { UPSTREAM_DATA } from './upstream-data';

@ObjectType({
  ...UPSTREAM_DATA,
  description:
    'TagEvent is used by ImageStreamStatus to keep a historical record of images associated with a tag.',
})
export class TagEvent {
  @Field(() => String, { description: 'Created holds the time the TagEvent was created (RFC 3339).' })
  created!: string;

  @Field(() => String, { description: 'DockerImageReference is the string that can be used to pull this image.' })
  dockerImageReference!: string;

  @Field(() => String, { description: 'Image is the image: the name (digest) of the Image object.' })
  image!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'Generation is the spec tag generation that resulted in this tag being updated. Absent on servers that predate it.',
  })
  generation?: number;
}

@ObjectType({ ...UPSTREAM_DATA, description: 'TagEventCondition contains condition information for a tag event.' })
export class TagEventCondition {
  @Field(() => String, { description: 'Type of tag event condition, currently only ImportSuccess.' })
  type!: string;

  @Field(() => String, { description: 'Status of the condition, one of True, False, Unknown.' })
  status!: string;

  @Field(() => String, {
    nullable: true,
    description: 'LastTransitionTime is the time the condition transitioned from one status to another (RFC 3339).',
  })
  lastTransitionTime?: string;

  @Field(() => String, {
    nullable: true,
    description: "Reason is a brief machine readable explanation for the condition's last transition.",
  })
  reason?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Message is a human readable description of the details about last transition, complementing reason.',
  })
  message?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Generation is the spec tag generation that this status corresponds to.',
  })
  generation?: number;
}

@ObjectType({ ...UPSTREAM_DATA, description: 'NamedTagEventList relates a tag to its image history.' })
export class NamedTagEventList {
  @Field(() => String, { description: 'Tag is the tag for which the history is recorded.' })
  tag!: string;

  @Field(() => [TagEvent], {
    nullable: true,
    description:
      'The images this tag has pointed at, newest first: the first entry is the currently tagged image. Null when the tag has only failure conditions.',
  })
  items!: TagEvent[] | null;

  @Field(() => [TagEventCondition], {
    nullable: true,
    description: 'Conditions is an array of conditions that apply to the tag event list.',
  })
  conditions?: TagEventCondition[];
}
