import { UserInputError } from '../errors';
import type { NameProblem } from '../kube/object-names';

const shown = (value: string): string => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

/** Refuses an argument before any upstream call, saying which, what was expected and what came. */
export function checkArgument(argument: string, value: string, problemOf: (value: string) => NameProblem | undefined): void {
  const problem = problemOf(value);
  if (problem) throw new UserInputError(`${argument} ${problem}, got ${shown(value)}`, argument);
}
