import { callerAuth } from '../src/context';
import { MissingCredentialsError } from '../src/kube/errors';

describe('callerAuth', () => {
  test('takes the token of a Bearer header, whatever the scheme case', () => {
    expect(callerAuth('Bearer abc.def', false)).toEqual({ kind: 'bearer', token: 'abc.def' });
    expect(callerAuth('bearer   abc', true)).toEqual({ kind: 'bearer', token: 'abc' });
  });

  test('refuses a request without a header unless the gateway lends its credentials', () => {
    expect(callerAuth(undefined, false)).toBeInstanceOf(MissingCredentialsError);
    expect(callerAuth('', false)).toBeInstanceOf(MissingCredentialsError);
    expect(callerAuth(undefined, true)).toEqual({ kind: 'gateway' });
  });

  test('refuses a header of another scheme even when lending, without echoing it', () => {
    const refused = callerAuth('Basic c2VjcmV0', true);
    expect(refused).toBeInstanceOf(MissingCredentialsError);
    expect((refused as Error).message).toBe(
      'this request needs credentials: expected "Authorization: Bearer <token>", got a header of another form',
    );
    expect((refused as Error).message).not.toContain('c2VjcmV0');
  });

  test('refuses a token that is not visible ASCII, which no header upstream could carry', () => {
    expect(callerAuth('Bearer t\u00f6ken', true)).toBeInstanceOf(MissingCredentialsError);
  });

  test('refuses a Bearer header without a token and repeated headers', () => {
    expect(callerAuth('Bearer ', true)).toBeInstanceOf(MissingCredentialsError);
    expect(callerAuth(['Bearer a', 'Bearer b'], true)).toBeInstanceOf(MissingCredentialsError);
  });
});
