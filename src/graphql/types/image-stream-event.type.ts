import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ImageStream } from './image-stream.type';

/** The kinds of change a watch reports (Kubernetes' watch event types, bookmarks and errors aside). */
export enum WatchEventType {
  ADDED = 'ADDED',
  MODIFIED = 'MODIFIED',
  DELETED = 'DELETED',
}

registerEnumType(WatchEventType, {
  name: 'WatchEventType',
  description: 'How an image stream changed.',
  valuesConfig: {
    ADDED: { description: 'The stream was created (or is new to this subscription).' },
    MODIFIED: { description: 'The stream changed: a tag was pushed to, imported, added or removed, or its metadata changed.' },
    DELETED: { description: 'The stream was deleted; `imageStream` is its last state.' },
  },
});

@ObjectType({ description: 'One change of an image stream, as a subscription delivers it.' })
export class ImageStreamEvent {
  @Field(() => WatchEventType, { description: 'How the stream changed.' })
  type!: WatchEventType;

  @Field(() => ImageStream, {
    description: 'The stream after the change (before it, for DELETED); its navigation fields work as in a query, read with the caller\'s token when the event is sent.',
  })
  imageStream!: ImageStream;

  @Field(() => [String], {
    description: 'Tags whose history or spec changed against the previous state, sorted (every tag for ADDED and DELETED).',
  })
  changedTags!: string[];
}
