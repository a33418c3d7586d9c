import { KubeApiError, InvalidNameError } from '../../src/kube/errors';
import { idCanMatchADigest, planImageStreamImageGet } from '../../src/rest/image-stream-image-get-plan';

const HEX64 = 'ab'.repeat(32);

describe('planImageStreamImageGet', () => {
  test('loads a well-formed name as it is', () => {
    expect(planImageStreamImageGet('demo', `ruby@sha256:${HEX64}`)).toEqual({ kind: 'load', name: `ruby@sha256:${HEX64}` });
    expect(planImageStreamImageGet('demo', 'Ruby@latest')).toEqual({ kind: 'load', name: 'Ruby@latest' });
  });

  test.each(['ruby', 'a@b@c', '@abc', 'ruby@', '..', ''])('answers %j with the 400 of §6.1', (name) => {
    const plan = planImageStreamImageGet('demo', name);
    expect(plan).toMatchObject({ kind: 'answer', answer: { httpStatus: 400, status: { message: 'ImageStreamImages must be retrieved with <name>@<id>' } } });
  });

  test.each([
    ['..@abc', `Name parameter invalid: "..": may not be '..'`],
    ['.@abc', `Name parameter invalid: ".": may not be '.'`],
    ['a%b@abc', `Name parameter invalid: "a%b": may not contain '%'`],
  ])('answers stream part of %j with "%s"', (name, message) => {
    expect(planImageStreamImageGet('demo', name)).toMatchObject({ kind: 'answer', answer: { httpStatus: 400, status: { message, reason: 'BadRequest' } } });
  });

  test('answers a stream that cannot exist with the 404 of §6.3', () => {
    for (const [namespace, name, stream] of [
      ['demo', `${'a'.repeat(254)}@abc`, 'a'.repeat(254)],
      ['demo', 'a\nb@abc', 'a\nb'],
      ['..', 'ruby@abc', 'ruby'],
      ['n'.repeat(64), 'ruby@abc', 'ruby'],
    ]) {
      expect(planImageStreamImageGet(namespace!, name!)).toMatchObject({
        kind: 'answer',
        answer: { httpStatus: 404, status: { details: { name: stream, kind: 'imagestreamimages' } } },
      });
    }
  });

  test('probes an unsendable id that matches nothing, and renames the answer', () => {
    const plan = planImageStreamImageGet('demo', 'ruby@abc%');
    expect(plan).toMatchObject({ kind: 'probe', probeName: 'ruby@-' });
    if (plan.kind !== 'probe') return;
    const upstream = new KubeApiError(404, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'imagestreamimage.image.openshift.io "ruby@-" not found',
      reason: 'NotFound',
      details: { name: 'ruby@-', group: 'image.openshift.io', kind: 'imagestreamimage' },
      code: 404,
    });
    const renamed = plan.rewrite(upstream) as KubeApiError;
    expect(renamed.status).toMatchObject({ message: 'imagestreamimage.image.openshift.io "ruby@abc%" not found', details: { name: 'ruby@abc%' } });
    const stream404 = new KubeApiError(404, { ...upstream.status, message: 'imagestreamimages.image.openshift.io "ruby" not found', details: { name: 'ruby', kind: 'imagestreamimages' } });
    expect((plan.rewrite(stream404) as KubeApiError).status).toEqual(stream404.status);
  });

  test('refuses a too-long name whose id could match, rather than guess', () => {
    const plan = planImageStreamImageGet('demo', `${'s'.repeat(250)}@sha256:${HEX64}`);
    expect(plan.kind).toBe('refuse');
    expect(plan.kind === 'refuse' && plan.error).toBeInstanceOf(InvalidNameError);
  });
});

describe('idCanMatchADigest', () => {
  test.each([
    ['s', true],
    ['sha256:', true],
    [`sha256:${HEX64}`, true],
    [`sha256:${HEX64}0`, false],
    [`sha512:${'0'.repeat(128)}`, true],
    ['4d3a', true],
    ['0'.repeat(129), false],
    ['latest', false],
    ['abc%', false],
    ['ABC', false],
  ])('%s: %s', (id, can) => {
    expect(idCanMatchADigest(id)).toBe(can);
  });
});
