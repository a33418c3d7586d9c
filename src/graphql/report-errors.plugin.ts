import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { ERROR_CODES, type ErrorCode } from '../errors';

/** Longest operation name a log line keeps: the name is the client's to choose. */
const OPERATION_NAME_LENGTH = 100;

/** How an operation ended: `partial` is data with errors, `failed` errors without data. */
export type OperationOutcome = 'ok' | 'partial' | 'failed';

/** One operation answered: its name (none when anonymous), whether its document resolved to one, how it ended. */
export interface OperationAnswered {
  name: string | undefined;
  resolved: boolean;
  outcome: OperationOutcome;
}

export interface ReportErrorsOptions {
  /** Told of every operation answered, each of a batch on its own (the metrics' observer). */
  onOperation?: (operation: OperationAnswered) => void;
}

/**
 * Counts every error of an operation into the request's report, which the request's single log
 * line carries: a query whose hundred fields fail writes one line, not a hundred, and a client
 * that left writes none at info. The detail of the first upstream failure goes with it.
 */
export function reportErrorsPlugin(options: ReportErrorsOptions = {}): ApolloServerPlugin<Context> {
  const { onOperation } = options;
  return {
    async requestDidStart({ contextValue }) {
      const report = contextValue.report;
      if (!report && !onOperation) return;
      let resolved = false;
      let name: string | undefined;
      return {
        async didResolveOperation({ operationName }) {
          resolved = true;
          name = operationName ?? undefined;
          if (report && operationName) report.operationName = operationName.slice(0, OPERATION_NAME_LENGTH);
        },
        async willSendResponse({ response }) {
          if (!onOperation) return;
          const { data, errors } = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
          const outcome = !errors?.length ? 'ok' : data ? 'partial' : 'failed';
          onOperation({ name, resolved, outcome });
        },
        async didEncounterErrors({ errors }) {
          if (!report) return;
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = error.extensions.code;
            // Errors graphql-js and Apollo make (syntax, validation) already carry their code.
            if (original === error && !(original instanceof GraphQLError && original.originalError) && isErrorCode(code)) report.addCode(code);
            else report.add(original instanceof GraphQLError && !original.path && original.originalError ? original.originalError : original);
          }
        },
      };
    },
  };
}

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in ERROR_CODES;
