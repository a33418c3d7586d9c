import { Field, ObjectType } from 'type-graphql';
import { Image } from './image.type';
import { ObjectMeta } from './object-meta.type';

@ObjectType({
  description:
    'ImageStreamImage represents an Image that is retrieved by image name from an ImageStream. ' +
    'User interfaces and regular users can use this resource to access the metadata details of a tagged image in the image stream history for viewing, ' +
    'since Image resources are not directly accessible to end users. ' +
    'The name of an image stream image is in the form "<STREAM>@<DIGEST>", where the digest is the content addressible identifier for the image (sha256:xxxxx...).',
})
export class ImageStreamImage {
  @Field(() => ObjectMeta, {
    description:
      "metadata is the standard object's metadata: the requested name, the namespace, the image's creation time and the stream's annotations.",
  })
  metadata!: ObjectMeta;

  @Field(() => Image, {
    description:
      'Image is an immutable representation of a container image and metadata at a point in time (without the raw manifest and config blobs).',
  })
  image!: Image;
}
