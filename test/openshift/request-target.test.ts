import { parseRequestTarget } from '../../src/openshift/request-target';

describe('parseRequestTarget', () => {
  test('decodes the path once, as Go net/url does, and splits off the query', () => {
    expect(parseRequestTarget('/a/ruby%40sha256:ab%2Fc?pretty=true')).toEqual({ path: '/a/ruby@sha256:ab/c', query: new URLSearchParams('pretty=true') });
    expect(parseRequestTarget('/a/%25%2541')).toMatchObject({ path: '/a/%%41' });
    expect(parseRequestTarget('/a/%C3%A9')).toMatchObject({ path: '/a/é' });
  });

  test('keeps dot segments as they are', () => {
    expect(parseRequestTarget('/a/../b/.')).toMatchObject({ path: '/a/../b/.' });
  });

  test('refuses a malformed escape with Go\'s message', () => {
    expect(parseRequestTarget('/a/b%zz')).toEqual({ error: 'invalid URL escape "%zz"' });
    expect(parseRequestTarget('/a/b%4')).toEqual({ error: 'invalid URL escape "%4"' });
  });
});
