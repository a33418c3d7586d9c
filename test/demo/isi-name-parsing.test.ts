import { startDemoCluster, type DemoCluster } from '../../src/demo/demo-cluster';
import { invalidPathSegment } from '../../src/demo/demo-status';
import { parseImageStreamImageName } from '../../src/demo/isi-resolver';
import { SAMPLES } from '../../src/demo/sample-data';
import { body, isiPath, request } from './demo-client';

const BAD_NAME_WIRE =
  '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"ImageStreamImages must be retrieved with \\u003cname\\u003e@\\u003cid\\u003e","reason":"BadRequest","code":400}\n';

let cluster: DemoCluster;
beforeAll(async () => {
  cluster = await startDemoCluster();
});
afterAll(() => cluster.stop());

describe('behaviour §2 name parsing', () => {
  it.each([
    ['ruby@sha256:abc', { stream: 'ruby', id: 'sha256:abc' }],
    ['ruby@abc', { stream: 'ruby', id: 'abc' }],
    ['ruby@latest', { stream: 'ruby', id: 'latest' }],
    ['Ruby@SHA256:ABC', { stream: 'Ruby', id: 'SHA256:ABC' }],
  ])('splits %s into stream and verbatim id', (name, parsed) => {
    expect(parseImageStreamImageName(name)).toEqual(parsed);
  });

  it.each(['ruby', 'ruby@a@b', '@sha256:abc', 'ruby@', '@', 'ruby@@abc'])('refuses %s', (name) => {
    expect(parseImageStreamImageName(name)).toBeUndefined();
  });

  it.each(['ruby', 'ruby@a@b', '@sha256:abc', 'ruby@'])('answers GET %s with the one fixed 400, angle brackets escaped on the wire', async (name) => {
    const answer = await request(cluster.url, isiPath('demo', name));
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.text).toBe(BAD_NAME_WIRE);
    expect(answer.text).toContain('\\u003cname\\u003e@\\u003cid\\u003e');
  });

  it('parses ruby@sha256:abc and then finds no image: the 404 names the whole request', async () => {
    const answer = await request(cluster.url, isiPath('demo', 'ruby@sha256:abc'));
    expect(answer.status).toBe(404);
    expect(body(answer)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'imagestreamimage.image.openshift.io "ruby@sha256:abc" not found',
      reason: 'NotFound',
      details: { name: 'ruby@sha256:abc', group: 'image.openshift.io', kind: 'imagestreamimage' },
      code: 404,
    });
  });

  it('parses ruby@latest and answers 404, because no digest starts with "latest"', async () => {
    const answer = await request(cluster.url, isiPath('demo', 'ruby@latest'));
    expect(answer.status).toBe(404);
    expect(body(answer).message).toBe('imagestreamimage.image.openshift.io "ruby@latest" not found');
  });

  it('parses the bare-hex form ruby@<hex prefix> and resolves it', async () => {
    const hex = SAMPLES.storedManifestImage.digest.slice('sha256:'.length, 'sha256:'.length + 10);
    const answer = await request(cluster.url, isiPath('demo', `ruby@${hex}`));
    expect(answer.status).toBe(200);
    expect(body<{ image: { metadata: { name: string } } }>(answer).image.metadata.name).toBe(SAMPLES.storedManifestImage.digest);
  });
});

describe('secondary validation of the stream name (store key function)', () => {
  it.each([
    ['..@x', 'Name parameter invalid: "..": may not be \'..\''],
    ['.@x', 'Name parameter invalid: ".": may not be \'.\''],
    ['a%25b@x', 'Name parameter invalid: "a%b": may not contain \'%\''],
  ])('answers GET %s with 400 "%s"', async (name, message) => {
    const answer = await request(cluster.url, isiPath('demo', name));
    expect(answer.status).toBe(400);
    expect(body(answer)).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 });
  });

  it('words every reason like k8s path.IsValidPathSegmentName, joined by ";"', () => {
    expect((invalidPathSegment('a/b')?.body as { message: string }).message).toBe('Name parameter invalid: "a/b": may not contain \'/\'');
    expect((invalidPathSegment('a/%b')?.body as { message: string }).message).toBe(
      'Name parameter invalid: "a/%b": may not contain \'/\';may not contain \'%\'',
    );
    expect(invalidPathSegment('ruby')).toBeUndefined();
    expect(invalidPathSegment('...')).toBeUndefined();
  });
});

describe('path handling like a Go server', () => {
  it('decodes %40 to @ before routing, and records the raw request-target', async () => {
    cluster.resetRequests();
    const answer = await request(cluster.url, isiPath('demo', 'ubuntu%40sha256:ca013ac5'));
    expect(answer.status).toBe(200);
    expect(body<{ metadata: { name: string } }>(answer).metadata.name).toBe('ubuntu@sha256:ca013ac5');
    expect(cluster.requests.map((recorded) => recorded.url)).toEqual([isiPath('demo', 'ubuntu%40sha256:ca013ac5')]);
  });

  it('turns a%2Fb into a real slash, which no route serves: route-level 404', async () => {
    const answer = await request(cluster.url, isiPath('demo', 'a%2Fb@sha256:abc'));
    expect(answer.status).toBe(404);
    expect(body(answer)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  });

  it.each([
    ['ruby%zz@x', 'invalid URL escape "%zz"'],
    ['ruby@x%4', 'invalid URL escape "%4"'],
  ])('refuses the malformed escape in %s with a 400 Status', async (name, message) => {
    const answer = await request(cluster.url, isiPath('demo', name));
    expect(answer.status).toBe(400);
    expect(body(answer)).toMatchObject({ kind: 'Status', status: 'Failure', message, reason: 'BadRequest', code: 400 });
  });

  it('decodes percent-encoded UTF-8 in the name and echoes it back', async () => {
    const answer = await request(cluster.url, isiPath('demo', 'r%C3%BCby@abc'));
    expect(answer.status).toBe(404);
    expect(body(answer).message).toBe('imagestreamimages.image.openshift.io "rüby" not found');
  });

  it('parses the query separately: ?resourceVersion= is accepted and ignored', async () => {
    const answer = await request(cluster.url, `${isiPath('demo', 'ubuntu@sha256:ca013ac5')}?resourceVersion=1`);
    expect(answer.status).toBe(200);
  });
});

describe('wire format', () => {
  it('writes compact JSON with one trailing newline by default', async () => {
    const answer = await request(cluster.url, isiPath('demo', 'ubuntu@sha256:ca013ac5'));
    expect(answer.text.endsWith('}\n')).toBe(true);
    expect(answer.text.indexOf('\n')).toBe(answer.text.length - 1);
  });

  it('indents by two spaces without a trailing newline for ?pretty=true, still HTML-escaped', async () => {
    const answer = await request(cluster.url, `${isiPath('demo', 'ruby')}?pretty=true`);
    expect(answer.text).toBe(
      [
        '{',
        '  "kind": "Status",',
        '  "apiVersion": "v1",',
        '  "metadata": {},',
        '  "status": "Failure",',
        '  "message": "ImageStreamImages must be retrieved with \\u003cname\\u003e@\\u003cid\\u003e",',
        '  "reason": "BadRequest",',
        '  "code": 400',
        '}',
      ].join('\n'),
    );
  });

  it('pretty-prints for curl unless ?pretty=false says otherwise', async () => {
    const curl = { 'user-agent': 'curl/8.5.0' };
    expect((await request(cluster.url, isiPath('demo', 'ruby'), { headers: curl })).text).toContain('\n  "kind": "Status"');
    expect((await request(cluster.url, `${isiPath('demo', 'ruby')}?pretty=false`, { headers: curl })).text).toBe(BAD_NAME_WIRE);
  });

  it('escapes &, < and > inside image metadata as Go does', async () => {
    const answer = await request(cluster.url, isiPath(SAMPLES.signedImage.namespace, `${SAMPLES.signedImage.stream}@${SAMPLES.signedImage.digest}`));
    expect(answer.text).toContain('SoftwareCollections.org \\u003csclorg@redhat.com\\u003e');
    expect(answer.text).toContain('building \\u0026 running');
    expect(answer.text).not.toMatch(/[<>&]/);
  });
});
