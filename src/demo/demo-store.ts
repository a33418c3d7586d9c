import type { Image, ImageStream, Namespace } from './image-types';
import type { SampleData } from './sample-data';

/**
 * Read-only lookups over the sample data, in etcd key order (images by name; streams by
 * namespace, then name), which is the order real list calls return.
 */
export class DemoStore {
  private readonly images = new Map<string, Image>();
  private readonly streams = new Map<string, ImageStream>();

  constructor(private readonly data: SampleData) {
    for (const image of data.images) this.images.set(image.metadata.name, image);
    for (const stream of data.streams) this.streams.set(`${stream.metadata.namespace}/${stream.metadata.name}`, stream);
  }

  get resourceVersion(): string {
    return this.data.resourceVersion;
  }

  image(name: string): Image | undefined {
    return this.images.get(name);
  }

  allImages(): readonly Image[] {
    return this.data.images;
  }

  namespace(name: string): Namespace | undefined {
    return this.data.namespaces.find((namespace) => namespace.metadata.name === name);
  }

  allNamespaces(): readonly Namespace[] {
    return this.data.namespaces;
  }

  stream(namespace: string, name: string): ImageStream | undefined {
    return this.streams.get(`${namespace}/${name}`);
  }

  /** Streams of one namespace, or of all when `namespace` is empty. */
  streamsIn(namespace: string): readonly ImageStream[] {
    return namespace ? this.data.streams.filter((stream) => stream.metadata.namespace === namespace) : this.data.streams;
  }
}
