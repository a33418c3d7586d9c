import { Field, ObjectType } from 'type-graphql';
import { ImageStream } from './image-stream.type';
import { PageInfo } from './page-info.type';
import { UPSTREAM_DATA } from './upstream-data';

@ObjectType({ ...UPSTREAM_DATA, description: 'An image stream in a page of image streams, with the cursor that points at it.' })
export class ImageStreamEdge {
  @Field(() => String, {
    description: 'Opaque cursor of this edge; pass it as `after` to continue after this image stream.',
  })
  cursor!: string;

  @Field(() => ImageStream, { description: 'The image stream.' })
  node!: ImageStream;
}

@ObjectType({ ...UPSTREAM_DATA, description: 'A page of image streams (Relay connection).' })
export class ImageStreamConnection {
  @Field(() => [ImageStreamEdge], { description: 'The image streams of this page, in the order the API server lists them.' })
  edges!: ImageStreamEdge[];

  @Field(() => PageInfo, { description: 'Where this page ends and whether another follows.' })
  pageInfo!: PageInfo;

  @Field(() => String, {
    nullable: true,
    description:
      "The list's resourceVersion: pass it to `imageStreamChanged` to receive every change made after this page was read, with nothing lost in between.",
  })
  resourceVersion?: string | null;
}
