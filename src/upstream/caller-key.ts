import { createHmac, randomBytes } from 'node:crypto';
import type { CallerAuth } from '../kube/kube-client';

/**
 * The secret the caller keys are made with: CACHE_KEY_SECRET when set (replicas sharing one
 * Redis must agree on it), otherwise random for this process, so that nothing a process keeps
 * can be matched to a token by anyone who does not hold the process's memory.
 */
export function callerKeySecret(configured: string | undefined): Buffer {
  return configured ? Buffer.from(configured, 'utf8') : randomBytes(32);
}

/**
 * What identifies a caller in every structure shared between requests (calls in flight, the
 * cache, a shared Redis): a keyed hash (HMAC-SHA256) of the token, never the token nor a plain
 * hash of it, which a leaked store would let anyone holding a token confirm.
 */
export function callerKey(auth: CallerAuth, secret: Buffer): string {
  return auth.kind === 'gateway' ? 'gateway' : `bearer:${createHmac('sha256', secret).update(auth.token).digest('base64url')}`;
}
