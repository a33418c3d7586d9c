import { UserInputError } from '../../src/errors';
import { decodeNodeId, encodeNodeId, type NodeKey } from '../../src/graphql/node-id';

const digest = `sha256:${'ab'.repeat(32)}`;

describe('node ids', () => {
  test.each<[NodeKey, string]>([
    [{ type: 'ImageStream', namespace: 'demo', name: 'ubuntu' }, 'ImageStream:demo/ubuntu'],
    [{ type: 'ImageStreamTag', namespace: 'demo', name: 'ubuntu:latest' }, 'ImageStreamTag:demo/ubuntu:latest'],
    [{ type: 'ImageStreamImage', namespace: 'team-a', name: `api@${digest}` }, `ImageStreamImage:team-a/api@${digest}`],
    [{ type: 'Image', name: digest }, `Image:${digest}`],
  ])('%j is base64url of %s and decodes back to itself', (key, plain) => {
    const id = encodeNodeId(key);
    expect(id).toBe(Buffer.from(plain).toString('base64url'));
    expect(decodeNodeId(id, 'id')).toEqual(key);
  });

  test('the same name in two namespaces makes two ids', () => {
    expect(encodeNodeId({ type: 'ImageStream', namespace: 'demo', name: 'ruby' })).toBe('SW1hZ2VTdHJlYW06ZGVtby9ydWJ5');
    expect(encodeNodeId({ type: 'ImageStream', namespace: 'team-a', name: 'ruby' })).toBe('SW1hZ2VTdHJlYW06dGVhbS1hL3J1Ynk');
  });

  const problemOf = (id: string): string => {
    try {
      decodeNodeId(id, 'ids[3]');
    } catch (error) {
      expect(error).toBeInstanceOf(UserInputError);
      expect((error as UserInputError).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'ids[3]' });
      return (error as Error).message.replace("ids[3] must be an id returned by this gateway's `id` fields: ", '');
    }
    throw new Error(`${id} was accepted`);
  };
  const b64 = (plain: string) => Buffer.from(plain).toString('base64url');

  test.each([
    ['', 'expected 1-1024 base64url characters, got ""'],
    ['SW1hZ2U=', 'expected 1-1024 base64url characters, got "SW1hZ2U="'],
    ['x'.repeat(1025), `expected 1-1024 base64url characters, got "${'x'.repeat(80)}…"`],
    // The id of demo/ubuntu with its last character changed: the same bytes, other trailing bits.
    ['SW1hZ2VTdHJlYW06ZGVtby91YnVudHV', '"SW1hZ2VTdHJlYW06ZGVtby91YnVudHV" is not canonical base64url of UTF-8 text'],
    [Buffer.from([0x49, 0x6d, 0x61, 0x67, 0x65, 0x3a, 0xff]).toString('base64url'), '"SW1hZ2U6_w" is not canonical base64url of UTF-8 text'],
    [b64('Pod:demo/p'), `"${b64('Pod:demo/p')}" names no type of ImageStream, ImageStreamTag, ImageStreamImage, Image`],
    [b64('ImageStream'), `"${b64('ImageStream')}" names no type of ImageStream, ImageStreamTag, ImageStreamImage, Image`],
    [b64('ImageStream:demo'), 'has no namespace'],
    [b64('ImageStream:Demo/ruby'), 'its namespace must be a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit)'],
    [b64('ImageStream:demo/Ruby'), 'its ImageStream name must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".")'],
    [b64('ImageStreamTag:demo/ruby'), 'its ImageStreamTag name must be <stream>:<tag>, with exactly one ":"'],
    [b64('ImageStreamImage:demo/ruby:3'), 'its ImageStreamImage name must be <stream>@<digest or digest prefix>, with exactly one "@"'],
    [b64('Image:sha256:abc'), 'its image name must be an image digest such as sha256:<64 lower-case hex digits>'],
  ])('%s is refused: %s', (id, problem) => {
    expect(problemOf(id)).toBe(problem);
  });
});
