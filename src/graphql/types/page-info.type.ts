import { Field, ObjectType } from 'type-graphql';
import { UPSTREAM_DATA } from './upstream-data';

@ObjectType({ ...UPSTREAM_DATA, description: 'Information about the current page of a Relay connection.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more edges follow the last one of this page.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge of this page, to pass as `after` for the next page; null when the page is empty.',
  })
  endCursor!: string | null;
}
