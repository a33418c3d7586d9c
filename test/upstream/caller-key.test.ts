import { callerKey, callerKeySecret } from '../../src/upstream/caller-key';

const token = { kind: 'bearer', token: 'secret-token' } as const;

describe('callerKey', () => {
  test('names a bearer caller by an HMAC of the token, never the token nor its plain SHA-256', () => {
    const key = callerKey(token, Buffer.from('one secret'));
    expect(key).toMatch(/^bearer:[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('secret-token');
    // sha256("secret-token"), which anyone holding the token could compute and match.
    const plain = '930bbdc51b6aed5c2a5678fd6e28dee7a05e8a4b643cfc0b4427c3efb86c0d94';
    expect(key).not.toContain(plain);
    expect(Buffer.from(key.slice('bearer:'.length), 'base64url').toString('hex')).not.toBe(plain);
  });

  test('gives one token the same key under one secret and different keys under two', () => {
    const one = Buffer.from('one secret');
    expect(callerKey(token, one)).toBe(callerKey({ ...token }, Buffer.from('one secret')));
    expect(callerKey(token, one)).not.toBe(callerKey(token, Buffer.from('another secret')));
  });

  test('gives two tokens different keys', () => {
    const secret = Buffer.from('one secret');
    expect(callerKey(token, secret)).not.toBe(callerKey({ kind: 'bearer', token: 'other-token' }, secret));
  });

  test('makes a random 32-byte secret when none is configured, and uses the configured one as given', () => {
    expect(callerKeySecret(undefined)).toHaveLength(32);
    expect(callerKeySecret(undefined).equals(callerKeySecret(undefined))).toBe(false);
    expect(callerKeySecret('k'.repeat(40)).toString('utf8')).toBe('k'.repeat(40));
  });
});
