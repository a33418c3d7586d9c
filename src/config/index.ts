// The one reader of the environment and the command line. Everything about a setting (its
// variable and flag, how it is parsed, its range, default and meaning) is one row of SETTINGS;
// loading, error messages, --help and the README's table are all derived from that row.
export { EXPLORER_MODES, LOG_LEVELS, type Config, type DemoMode, type ExplorerMode, type LogLevel } from './config';
export { ConfigError } from './config-error';
export { CONFIG_VARIABLES, type ConfigVariable } from './config-variables';
export { helpText } from './help-text';
export { defaultMaxConnections, readOpenFileLimit, type HostFacts } from './host-facts';
export { loadConfig } from './load-config';
export { localUrl } from './local-url';
export { wantsHelp } from './read-flags';
export { SETTINGS } from './settings';
export { tracingEnvOf } from './tracing-env';
