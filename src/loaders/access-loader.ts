import DataLoader from 'dataloader';
import type { AccessQuestion } from '../kube/kube-client';
import type { UpstreamSession } from '../upstream/upstream-session';

const questionKey = (question: AccessQuestion): string =>
  JSON.stringify([question.verb, question.group, question.resource, question.namespace, question.name]);

/**
 * The caller's answers to access questions within one request: one SelfSubjectAccessReview per
 * distinct question, all of a batch sent at once, each through the session (so counted against
 * the request's budget and kept in the cache by caller, like every other read).
 */
export function createAccessLoader(session: UpstreamSession): DataLoader<AccessQuestion, boolean, string> {
  return new DataLoader<AccessQuestion, boolean, string>(
    (questions) =>
      Promise.all(
        questions.map((access) =>
          session.read({ verb: 'review', access }).then(
            (answer) => (answer.value as { status?: { allowed?: unknown } }).status?.allowed === true,
            (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
          ),
        ),
      ),
    { cacheKeyFn: questionKey },
  );
}
