import { DEVELOPER_TOKEN, VIEWER_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { MAX_NODE_IDS } from '../../src/graphql/node.resolver';
import { startHarness, type Harness } from '../helpers/gateway-harness';

// Global object identification: ids on the four object types, `node(id)` and `nodes(ids)` read
// through the request's loaders, with the caller's token.

const ids = `{
  stream: imageStream(namespace: "demo", name: "ubuntu") { id }
  tag: imageStreamTag(namespace: "openshift", name: "python:3.12") { id image { id } }
  byPrefix: imageStreamImage(namespace: "openshift", name: "python@${SAMPLES.signedImage.digest.slice(0, 15)}") { id image { id } }
  byDigest: imageStreamImage(namespace: "openshift", name: "python@${SAMPLES.signedImage.digest}") { id }
}`;

interface Ids {
  stream: { id: string };
  tag: { id: string; image: { id: string } };
  byPrefix: { id: string; image: { id: string } };
  byDigest: { id: string };
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('node ids', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.stop());

  test('are base64url of the type and its key, an ImageStreamImage keyed by the full digest whatever prefix it was read by', async () => {
    const { body } = await harness.graphql<Ids>(ids);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      stream: { id: 'SW1hZ2VTdHJlYW06ZGVtby91YnVudHU' },
      tag: { id: base64url('ImageStreamTag:openshift/python:3.12'), image: { id: base64url(`Image:${SAMPLES.signedImage.digest}`) } },
      byPrefix: { id: base64url(`ImageStreamImage:openshift/python@${SAMPLES.signedImage.digest}`), image: { id: base64url(`Image:${SAMPLES.signedImage.digest}`) } },
      byDigest: { id: base64url(`ImageStreamImage:openshift/python@${SAMPLES.signedImage.digest}`) },
    });
  });

  test('are the same from another gateway in front of the same cluster (another replica)', async () => {
    const other = await startHarness();
    try {
      const [mine, theirs] = await Promise.all([harness.graphql<Ids>(ids), other.graphql<Ids>(ids)]);
      expect(theirs.body.data).toEqual(mine.body.data);
    } finally {
      await other.stop();
    }
  });

  test('node(id) reads each of the four types again, as the field that gave the id reads it', async () => {
    const { body } = await harness.graphql<Ids>(ids);
    const data = body.data!;
    const query = `query($s: ID!, $t: ID!, $i: ID!, $img: ID!) {
      s: node(id: $s) { __typename id ... on ImageStream { metadata { namespace name } } }
      t: node(id: $t) { __typename id ... on ImageStreamTag { metadata { name } } }
      i: node(id: $i) { __typename id ... on ImageStreamImage { metadata { name } } }
      img: node(id: $img) { __typename id ... on Image { dockerImageMetadata { architecture } } }
    }`;
    const answer = await harness.graphql(query, { s: data.stream.id, t: data.tag.id, i: data.byPrefix.id, img: data.tag.image.id });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({
      s: { __typename: 'ImageStream', id: data.stream.id, metadata: { namespace: 'demo', name: 'ubuntu' } },
      t: { __typename: 'ImageStreamTag', id: data.tag.id, metadata: { name: 'python:3.12' } },
      i: { __typename: 'ImageStreamImage', id: data.byPrefix.id, metadata: { name: `python@${SAMPLES.signedImage.digest}` } },
      img: { __typename: 'Image', id: data.tag.image.id, dockerImageMetadata: { architecture: 'amd64' } },
    });
  });

  test('one stream name in two namespaces has two ids', async () => {
    const { body } = await harness.graphql<{ a: { id: string }; b: { id: string } }>(
      '{ a: imageStreamTag(namespace: "openshift", name: "python:latest") { id } b: imageStreamTag(namespace: "openshift", name: "python:3.12") { id } }',
    );
    expect(body.data?.a.id).not.toBe(body.data?.b.id);
    expect(base64url('ImageStream:team-a/ubuntu')).not.toBe('SW1hZ2VTdHJlYW06ZGVtby91YnVudHU');
  });

  test('a malformed id is BAD_USER_INPUT naming the argument, before any upstream call', async () => {
    harness.demo.resetRequests();
    const { body } = await harness.graphql('{ a: node(id: "not an id") { id } b: node(id: "SW1hZ2VTdHJlYW06ZGVtbw") { id } c: node(id: "UG9kOmRlbW8vcA") { id } }');
    expect(body.data).toEqual({ a: null, b: null, c: null });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.argument, e.message])).toEqual([
      [['a'], 'BAD_USER_INPUT', 'id', 'id must be an id returned by this gateway\'s `id` fields: expected 1-1024 base64url characters, got "not an id"'],
      [['b'], 'BAD_USER_INPUT', 'id', "id must be an id returned by this gateway's `id` fields: has no namespace"],
      [['c'], 'BAD_USER_INPUT', 'id', 'id must be an id returned by this gateway\'s `id` fields: "UG9kOmRlbW8vcA" names no type of ImageStream, ImageStreamTag, ImageStreamImage, Image'],
    ]);
    expect(harness.upstreamCalls()).toEqual([]);
  });

  test('an id of an object the caller may not read gets the API server\'s answer, never data', async () => {
    const python = base64url('ImageStream:openshift/python');
    const image = base64url(`Image:${SAMPLES.signedImage.digest}`);
    const gone = base64url('ImageStream:demo/no-such-stream');
    const { body } = await harness.graphql(
      `{ a: node(id: "${python}") { id } b: node(id: "${image}") { id } c: node(id: "${gone}") { id } }`,
      {},
      DEVELOPER_TOKEN,
    );
    expect(body.data).toEqual({ a: null, b: null, c: null });
    // Errors come in the order the calls end.
    expect(body.errors?.map((e) => [e.path?.[0], e.extensions?.code]).sort()).toEqual([
      ['a', 'FORBIDDEN'],
      ['b', 'FORBIDDEN'],
      ['c', 'NOT_FOUND'],
    ]);
    expect(body.errors?.find((e) => e.path?.[0] === 'c')?.message).toBe('imagestreams.image.openshift.io "no-such-stream" not found');
  });
});

describe('nodes(ids)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.stop());

  /** Twenty fields, fifteen distinct objects of the four types in three namespaces. */
  const targets = [
    ['ImageStream', 'imageStream(namespace: "demo", name: "ubuntu")', 'ImageStream:demo/ubuntu'],
    ['ImageStream', 'imageStream(namespace: "demo", name: "ruby")', 'ImageStream:demo/ruby'],
    ['ImageStream', 'imageStream(namespace: "demo", name: "ubuntu")', 'ImageStream:demo/ubuntu'],
    ['ImageStream', 'imageStream(namespace: "openshift", name: "python")', 'ImageStream:openshift/python'],
    ['ImageStream', 'imageStream(namespace: "openshift", name: "wildfly")', 'ImageStream:openshift/wildfly'],
    ['ImageStream', 'imageStream(namespace: "team-a", name: "nginx")', 'ImageStream:team-a/nginx'],
    ['ImageStream', 'imageStream(namespace: "team-a", name: "nginx")', 'ImageStream:team-a/nginx'],
    ['ImageStream', 'imageStream(namespace: "team-a", name: "api")', 'ImageStream:team-a/api'],
    ['ImageStreamTag', 'imageStreamTag(namespace: "demo", name: "ubuntu:latest")', 'ImageStreamTag:demo/ubuntu:latest'],
    ['ImageStreamTag', 'imageStreamTag(namespace: "openshift", name: "python:3.12")', 'ImageStreamTag:openshift/python:3.12'],
    ['ImageStreamTag', 'imageStreamTag(namespace: "openshift", name: "python:3.12")', 'ImageStreamTag:openshift/python:3.12'],
    ['ImageStreamTag', 'imageStreamTag(namespace: "team-a", name: "nginx:1.27")', 'ImageStreamTag:team-a/nginx:1.27'],
    ['ImageStreamImage', `imageStreamImage(namespace: "openshift", name: "python@${SAMPLES.signedImage.digest}")`, `ImageStreamImage:openshift/python@${SAMPLES.signedImage.digest}`],
    ['ImageStreamImage', `imageStreamImage(namespace: "demo", name: "ruby@${SAMPLES.storedManifestImage.digest}")`, `ImageStreamImage:demo/ruby@${SAMPLES.storedManifestImage.digest}`],
    ['ImageStreamImage', `imageStreamImage(namespace: "demo", name: "ruby@${SAMPLES.storedManifestImage.digest}")`, `ImageStreamImage:demo/ruby@${SAMPLES.storedManifestImage.digest}`],
    ['ImageStreamImage', `imageStreamImage(namespace: "team-a", name: "ml-training@${SAMPLES.bigLayerImage.digest}")`, `ImageStreamImage:team-a/ml-training@${SAMPLES.bigLayerImage.digest}`],
    ['Image', `image(name: "${SAMPLES.signedImage.digest}")`, `Image:${SAMPLES.signedImage.digest}`],
    ['Image', `image(name: "${SAMPLES.bigLayerImage.digest}")`, `Image:${SAMPLES.bigLayerImage.digest}`],
    ['Image', `image(name: "${SAMPLES.bigLayerImage.digest}")`, `Image:${SAMPLES.bigLayerImage.digest}`],
    ['Image', `image(name: "${SAMPLES.manifestList.digest}")`, `Image:${SAMPLES.manifestList.digest}`],
  ] as const;

  test('of twenty ids makes exactly the upstream calls of the twenty fields they came from: fifteen, one per distinct object', async () => {
    harness.demo.resetRequests();
    const fields = await harness.graphql(`{ ${targets.map(([, field], i) => `f${i}: ${field} { id }`).join(' ')} }`);
    expect(fields.body.errors).toBeUndefined();
    const fieldCalls = harness.upstreamCalls().sort();

    harness.demo.resetRequests();
    const { body } = await harness.graphql<{ nodes: Array<{ __typename: string; id: string }> }>('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', {
      ids: targets.map(([, , key]) => base64url(key)),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.nodes).toEqual(targets.map(([type, , key]) => ({ __typename: type, id: base64url(key) })));
    expect(harness.upstreamCalls().sort()).toEqual(fieldCalls);
    expect(fieldCalls).toHaveLength(15);
    expect(Object.values(fields.body.data ?? {}).map((value) => (value as { id: string }).id)).toEqual(body.data?.nodes.map((node) => node.id));
  });

  test('answers null with its own error at its index for each id that fails, and the others\' objects', async () => {
    const { body } = await harness.graphql(
      `{ nodes(ids: ["${base64url('ImageStream:demo/ruby')}", "x!", "${base64url('ImageStream:openshift/python')}"]) { id } }`,
      {},
      VIEWER_TOKEN,
    );
    expect(body.data).toEqual({ nodes: [{ id: base64url('ImageStream:demo/ruby') }, null, null] });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.argument ?? null])).toEqual([
      [['nodes', 1], 'BAD_USER_INPUT', 'ids[1]'],
      [['nodes', 2], 'FORBIDDEN', null],
    ]);
  });

  test(`refuses more than ${MAX_NODE_IDS} ids with BAD_USER_INPUT before any call`, async () => {
    harness.demo.resetRequests();
    const many = Array.from({ length: MAX_NODE_IDS + 1 }, () => base64url('ImageStream:demo/ruby'));
    const { body } = await harness.graphql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: many });
    expect(body.data).toBeNull();
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.argument, e.message])).toEqual([
      ['BAD_USER_INPUT', 'ids', `ids must hold at most ${MAX_NODE_IDS} ids, got ${MAX_NODE_IDS + 1}`],
    ]);
    expect(harness.upstreamCalls()).toEqual([]);
  });
});
