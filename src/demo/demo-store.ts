import { deepFreeze } from './deep-freeze';
import type { Image, ImageStream, Namespace } from './image-types';
import type { SampleData } from './sample-data';

/** One change of a stream, as etcd keeps it until compaction: what a watch replays. */
export interface StreamChange {
  /** The revision the change made (the object's new resourceVersion; a deletion's own revision). */
  revision: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** The stream after the change (for DELETED: as it was, with the deletion's resourceVersion). */
  object: ImageStream;
  /** The stream before the change; absent for ADDED. */
  previous?: ImageStream;
}

/** Hears every change as it is made. */
export type ChangeListener = (change: StreamChange) => void;

const streamKey = (namespace: string, name: string): string => `${namespace}/${name}`;
const byKey = (a: ImageStream, b: ImageStream): number => {
  const ka = streamKey(a.metadata.namespace, a.metadata.name);
  const kb = streamKey(b.metadata.namespace, b.metadata.name);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/**
 * Lookups over the sample data in etcd key order (images by name; streams by namespace, then
 * name), which is the order real list calls return, and the changes made to it since: every
 * change replaces a frozen object with another and takes the next revision, as etcd does, and
 * is kept in a log until compacted, so a watch can resume from any revision still in it.
 */
export class DemoStore {
  private readonly images = new Map<string, Image>();
  private readonly streams = new Map<string, ImageStream>();
  private imageList: readonly Image[];
  private streamList: readonly ImageStream[];
  private revision: number;
  private log: StreamChange[] = [];
  /** Revisions up to this one are compacted: a watch or exact list from before it is 410 Expired. */
  private compacted: number;
  private readonly listeners = new Set<ChangeListener>();

  constructor(private readonly data: SampleData) {
    for (const image of data.images) this.images.set(image.metadata.name, image);
    for (const stream of data.streams) this.streams.set(streamKey(stream.metadata.namespace, stream.metadata.name), stream);
    this.imageList = data.images;
    this.streamList = data.streams;
    this.revision = Number(data.resourceVersion);
    this.compacted = this.revision;
  }

  get resourceVersion(): string {
    return String(this.revision);
  }

  /** The oldest revision a watch may still start from. */
  get compactedRevision(): number {
    return this.compacted;
  }

  image(name: string): Image | undefined {
    return this.images.get(name);
  }

  allImages(): readonly Image[] {
    return this.imageList;
  }

  namespace(name: string): Namespace | undefined {
    return this.data.namespaces.find((namespace) => namespace.metadata.name === name);
  }

  allNamespaces(): readonly Namespace[] {
    return this.data.namespaces;
  }

  stream(namespace: string, name: string): ImageStream | undefined {
    return this.streams.get(streamKey(namespace, name));
  }

  /** Streams of one namespace, or of all when `namespace` is empty. */
  streamsIn(namespace: string): readonly ImageStream[] {
    return namespace ? this.streamList.filter((stream) => stream.metadata.namespace === namespace) : this.streamList;
  }

  /**
   * Streams of one namespace (all when empty) as they were at `revision`, or undefined when that
   * revision is compacted or not reached yet (a list with resourceVersionMatch=Exact).
   */
  streamsAt(namespace: string, revision: number): readonly ImageStream[] | undefined {
    if (!Number.isSafeInteger(revision) || revision < this.compacted || revision > this.revision) return undefined;
    const state = new Map(this.streamsIn(namespace).map((stream) => [streamKey(stream.metadata.namespace, stream.metadata.name), stream]));
    // Undone newest first: what each change replaced is what was there before it.
    for (let i = this.log.length - 1; i >= 0 && this.log[i]!.revision > revision; i--) {
      const change = this.log[i]!;
      const { namespace: ns, name } = change.object.metadata;
      if (namespace && ns !== namespace) continue;
      const key = streamKey(ns, name);
      if (change.previous) state.set(key, change.previous);
      else state.delete(key);
    }
    return [...state.values()].sort(byKey);
  }

  /** The changes after `revision` still in the log, or undefined when `revision` is compacted. */
  changesSince(revision: number): readonly StreamChange[] | undefined {
    if (revision < this.compacted) return undefined;
    return this.log.filter((change) => change.revision > revision);
  }

  /** Forgets the changes up to the current revision, as an etcd compaction does. */
  compact(): void {
    this.compacted = this.revision;
    this.log = [];
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  addImage(image: Image): Image {
    const stored = deepFreeze({ ...image, metadata: { ...image.metadata, resourceVersion: String(this.nextRevision()) } });
    this.images.set(stored.metadata.name, stored);
    this.imageList = [...this.imageList.filter((other) => other.metadata.name !== stored.metadata.name), stored].sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : 1,
    );
    return stored;
  }

  /** Stores `stream` (created or replaced) with the next revision; returns what is stored. */
  putStream(stream: ImageStream): ImageStream {
    const key = streamKey(stream.metadata.namespace, stream.metadata.name);
    const previous = this.streams.get(key);
    const revision = this.nextRevision();
    const stored = deepFreeze({ ...stream, metadata: { ...stream.metadata, resourceVersion: String(revision) } });
    this.streams.set(key, stored);
    this.streamList = [...this.streamList.filter((other) => other !== previous), stored].sort(byKey);
    this.record({ revision, type: previous ? 'MODIFIED' : 'ADDED', object: stored, ...(previous ? { previous } : {}) });
    return stored;
  }

  /** Deletes a stream; false when there is none of that name. */
  deleteStream(namespace: string, name: string): boolean {
    const key = streamKey(namespace, name);
    const previous = this.streams.get(key);
    if (!previous) return false;
    const revision = this.nextRevision();
    this.streams.delete(key);
    this.streamList = this.streamList.filter((other) => other !== previous);
    const object = deepFreeze({ ...previous, metadata: { ...previous.metadata, resourceVersion: String(revision) } });
    this.record({ revision, type: 'DELETED', object, previous });
    return true;
  }

  private nextRevision(): number {
    this.revision += 1;
    return this.revision;
  }

  private record(change: StreamChange): void {
    this.log.push(change);
    for (const listener of this.listeners) listener(change);
  }
}
