/**
 * A setting whose value cannot be used, or a command-line argument that is no setting. The message
 * names what the person wrote (the variable or the flag), the expected form or range and the value
 * received. `variable` is the setting's environment variable, also when the value came from its
 * flag; for an unknown flag or a stray argument it is that argument as written.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}
