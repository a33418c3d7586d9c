// Names that could change the meaning of an upstream path (dot segments, separators, escapes,
// control characters) or that simply cannot exist are refused by the GraphQL argument checks
// (Kubernetes' naming rules), before the adapter builds a URL: each gets BAD_USER_INPUT naming
// its argument, and the demo cluster sees no request at all. The adapter beneath refuses only
// what no path segment can carry; valid names with `@` and `:` reach the API server byte for byte.
import { DEMO_ADMIN_TOKEN } from '../../src/demo/demo-tokens';
import { SAMPLES } from '../../src/demo/sample-data';
import { startHarness, type Harness } from '../helpers/gateway-harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

const RUBY_DIGEST = SAMPLES.storedManifestImage.digest;
const PYTHON_DIGEST = SAMPLES.signedImage.digest;

interface QueryCase {
  field: string;
  document: string;
  /** Valid values of every argument; a row replaces one of them with a hostile value. */
  valid: Record<string, string>;
}

const QUERIES: QueryCase[] = [
  {
    field: 'imageStreamImage',
    document: 'query Q($namespace: String!, $name: String!) { imageStreamImage(namespace: $namespace, name: $name) { metadata { name } } }',
    valid: { namespace: 'demo', name: `ruby@${RUBY_DIGEST}` },
  },
  {
    field: 'imageStream',
    document: 'query Q($namespace: String!, $name: String!) { imageStream(namespace: $namespace, name: $name) { metadata { name } } }',
    valid: { namespace: 'demo', name: 'ruby' },
  },
  {
    field: 'imageStreams',
    document: 'query Q($namespace: String!) { imageStreams(namespace: $namespace, first: 5) { edges { node { metadata { name } } } } }',
    valid: { namespace: 'demo' },
  },
  {
    field: 'imageStreamTag',
    document: 'query Q($namespace: String!, $name: String!) { imageStreamTag(namespace: $namespace, name: $name) { metadata { name } } }',
    valid: { namespace: 'demo', name: 'ruby:3.3' },
  },
  {
    field: 'image',
    document: 'query Q($name: String!) { image(name: $name) { metadata { name } } }',
    valid: { name: RUBY_DIGEST },
  },
];

/** Hostile in any argument: none is a namespace, a stream name, an ISI name, a tag name or a digest. */
const HOSTILE: Array<[label: string, value: string]> = [
  ['the dot segment ".."', '..'],
  ['the dot segment "."', '.'],
  ['an escaped slash "%2F"', '%2F'],
  ['a slash "a/b"', 'a/b'],
  ['a query "?x"', '?x'],
  ['a fragment "#x"', '#x'],
  ['a NUL character', 'ruby\u0000x'],
  ['300 characters', 'a'.repeat(300)],
  ['non-ASCII "ruby@sha256:ä"', 'ruby@sha256:ä'],
  ['the empty string', ''],
  ['upper case "UPPER"', 'UPPER'],
  ['spaces "a b"', 'a b'],
  ['two "@" "a@b@c"', 'a@b@c'],
];

/** Hostile parts inside otherwise well-formed `<stream>@<id>` and `<stream>:<tag>` names. */
const HOSTILE_PARTS: Record<string, Array<[label: string, value: string]>> = {
  imageStreamImage: [
    ['a dot-segment stream "..@sha256:…"', `..@${RUBY_DIGEST}`],
    ['a dot-segment id "ruby@.."', 'ruby@..'],
    ['a slash in the id', 'ruby@sha256:ab/../x'],
    ['an escaped slash in the id', 'ruby@sha256:ab%2F..'],
    ['a query in the id', 'ruby@sha256:ab?watch=true'],
    ['a fragment in the id', 'ruby@sha256:ab#x'],
    ['a NUL in the id', 'ruby@sha256:ab\u0000'],
    ['an empty id "ruby@"', 'ruby@'],
    ['an empty stream "@sha256:ab"', '@sha256:ab'],
    ['no "@" at all', 'ruby'],
  ],
  imageStreamTag: [
    ['a dot-segment tag "ruby:.."', 'ruby:..'],
    ['a dot-segment stream "..:latest"', '..:latest'],
    ['a slash in the tag', 'ruby:a/b'],
    ['a query in the tag', 'ruby:?x'],
    ['an escaped slash in the tag', 'ruby:%2F'],
    ['two ":" "ruby:a:b"', 'ruby:a:b'],
    ['an empty tag "ruby:"', 'ruby:'],
    ['no ":" at all', 'ruby'],
  ],
  image: [
    ['a short digest', 'sha256:abc'],
    ['an upper-case digest', RUBY_DIGEST.toUpperCase()],
    ['a digest with a path after it', `${RUBY_DIGEST}/../x`],
  ],
};

interface Row {
  query: QueryCase;
  argument: string;
  label: string;
  value: string;
}

const rows: Row[] = QUERIES.flatMap((query) =>
  Object.keys(query.valid).flatMap((argument) => [
    ...HOSTILE.map(([label, value]) => ({ query, argument, label, value })),
    ...(argument === 'name' ? (HOSTILE_PARTS[query.field] ?? []) : []).map(([label, value]) => ({ query, argument, label, value })),
  ]),
);

describe.each(QUERIES.map((query) => [query.field, query] as const))('%s', (field) => {
  const ofField = rows.filter((row) => row.query.field === field);

  test.each(ofField.map((row) => [row.argument, row.label, row] as const))(
    'refuses %s with %s as BAD_USER_INPUT naming the argument, without an upstream call',
    async (argument, _label, row) => {
      const before = harness.demo.requests.length;
      const answer = await harness.graphql(row.query.document, { ...row.query.valid, [argument]: row.value });

      expect(answer.status).toBe(200);
      // imageStreams is non-null, so its error nulls the whole data; the others are nullable.
      expect(answer.body.data).toEqual(field === 'imageStreams' ? null : { [field]: null });
      expect(answer.body.errors).toHaveLength(1);
      const [error] = answer.body.errors ?? [];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.argument).toBe(argument);
      expect(error?.message.startsWith(`${argument} `)).toBe(true);
      expect(error?.path).toEqual([field]);
      expect(harness.demo.requests.length - before).toBe(0);
    },
  );
});

describe('hostile values written into the document rather than sent as variables', () => {
  test.each([
    ['namespace', '{ imageStream(namespace: "..", name: "ruby") { metadata { name } } }', 'imageStream'],
    ['name', '{ imageStream(namespace: "demo", name: "..") { metadata { name } } }', 'imageStream'],
    ['name', '{ imageStreamImage(namespace: "demo", name: "ruby@sha256:ab/../../../x") { metadata { name } } }', 'imageStreamImage'],
    ['name', '{ imageStreamTag(namespace: "demo", name: "ruby:%2e%2e") { metadata { name } } }', 'imageStreamTag'],
    ['name', '{ image(name: "sha256:\\u0000") { metadata { name } } }', 'image'],
  ])('a literal %s in %s is refused as BAD_USER_INPUT without an upstream call', async (argument, document, field) => {
    const before = harness.demo.requests.length;
    const answer = await harness.graphql(document);

    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ [field]: null });
    expect(answer.body.errors?.map((error) => [error.extensions?.code, error.extensions?.argument])).toEqual([['BAD_USER_INPUT', argument]]);
    expect(harness.demo.requests.length - before).toBe(0);
  });
});

describe('valid names with "@" and ":"', () => {
  const requestedSince = (before: number) => harness.demo.requests.slice(before).map((request) => request.url);

  test('an ISI name with a full digest reaches the API server unescaped and answers', async () => {
    const before = harness.demo.requests.length;
    const name = `ruby@${RUBY_DIGEST}`;
    const answer = await harness.graphql<{ imageStreamImage: { metadata: { name: string }; image: { metadata: { name: string } } } }>(
      'query Q($name: String!) { imageStreamImage(namespace: "demo", name: $name) { metadata { name } image { metadata { name } } } }',
      { name },
    );

    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.imageStreamImage.metadata.name).toBe(name);
    expect(answer.body.data?.imageStreamImage.image.metadata.name).toBe(RUBY_DIGEST);
    expect(requestedSince(before)).toEqual([`/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/${name}`]);
  });

  test('an ISI name with a hex prefix reaches the API server as sent and resolves to the full digest', async () => {
    const before = harness.demo.requests.length;
    const prefix = RUBY_DIGEST.slice('sha256:'.length, 'sha256:'.length + 12);
    const answer = await harness.graphql<{ imageStreamImage: { metadata: { name: string }; image: { metadata: { name: string } } } }>(
      'query Q($name: String!) { imageStreamImage(namespace: "demo", name: $name) { metadata { name } image { metadata { name } } } }',
      { name: `ruby@${prefix}` },
    );

    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.imageStreamImage.metadata.name).toBe(`ruby@${prefix}`);
    expect(answer.body.data?.imageStreamImage.image.metadata.name).toBe(RUBY_DIGEST);
    expect(requestedSince(before)).toEqual([`/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@${prefix}`]);
  });

  test('an image stream tag name reaches the API server with its ":" unescaped', async () => {
    const before = harness.demo.requests.length;
    const answer = await harness.graphql<{ imageStreamTag: { metadata: { name: string } } }>(
      '{ imageStreamTag(namespace: "openshift", name: "python:3.12") { metadata { name } } }',
    );

    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.imageStreamTag.metadata.name).toBe('python:3.12');
    expect(requestedSince(before)).toEqual(['/apis/image.openshift.io/v1/namespaces/openshift/imagestreamtags/python:3.12']);
  });

  test('an image digest reaches the API server with its ":" unescaped', async () => {
    const before = harness.demo.requests.length;
    const answer = await harness.graphql<{ image: { metadata: { name: string } } }>('query Q($name: String!) { image(name: $name) { metadata { name } } }', {
      name: PYTHON_DIGEST,
    });

    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.image.metadata.name).toBe(PYTHON_DIGEST);
    expect(requestedSince(before)).toEqual([`/apis/image.openshift.io/v1/images/${PYTHON_DIGEST}`]);
  });

  test('a dotted stream name that is a valid DNS subdomain is sent as one segment and answers NOT_FOUND', async () => {
    const before = harness.demo.requests.length;
    const answer = await harness.graphql('{ imageStream(namespace: "demo", name: "ruby.v2") { metadata { name } } }');

    expect(answer.body.data).toEqual({ imageStream: null });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(requestedSince(before)).toEqual(['/apis/image.openshift.io/v1/namespaces/demo/imagestreams/ruby.v2']);
  });

  test('the adapter sends "@" and ":" of ISI and tag names verbatim and percent-encodes nothing else in them', async () => {
    const before = harness.demo.requests.length;
    const auth = { kind: 'bearer', token: DEMO_ADMIN_TOKEN } as const;
    const isi = await harness.kube.get({ resource: 'imagestreamimages', namespace: 'demo', name: `ruby@${RUBY_DIGEST}` }, { auth });
    const tag = await harness.kube.get({ resource: 'imagestreamtags', namespace: 'demo', name: 'ruby:3.3' }, { auth });
    const image = await harness.kube.get({ resource: 'images', name: RUBY_DIGEST }, { auth });

    expect(isi.image.metadata.name).toBe(RUBY_DIGEST);
    expect(tag.metadata.name).toBe('ruby:3.3');
    expect(image.metadata.name).toBe(RUBY_DIGEST);
    expect(harness.demo.requests.slice(before).map((request) => [request.url, request.authorization])).toEqual([
      [`/apis/image.openshift.io/v1/namespaces/demo/imagestreamimages/ruby@${RUBY_DIGEST}`, `Bearer ${DEMO_ADMIN_TOKEN}`],
      ['/apis/image.openshift.io/v1/namespaces/demo/imagestreamtags/ruby:3.3', `Bearer ${DEMO_ADMIN_TOKEN}`],
      [`/apis/image.openshift.io/v1/images/${RUBY_DIGEST}`, `Bearer ${DEMO_ADMIN_TOKEN}`],
    ]);
  });

  test.each([
    ['..', 'namespace'],
    ['a/b', 'name'],
    ['', 'name'],
    ['.', 'name'],
    ['a\u0000b', 'name'],
  ] as const)('the adapter itself refuses %j as %s, which no path segment can carry, before sending anything', async (value, field) => {
    const before = harness.demo.requests.length;
    const auth = { kind: 'bearer', token: DEMO_ADMIN_TOKEN } as const;
    const request =
      field === 'namespace'
        ? { resource: 'imagestreams' as const, namespace: value, name: 'ruby' }
        : { resource: 'imagestreams' as const, namespace: 'demo', name: value };

    await expect(harness.kube.get(request, { auth })).rejects.toMatchObject({ name: 'InvalidNameError', field, value });
    expect(harness.demo.requests.length - before).toBe(0);
  });
});
