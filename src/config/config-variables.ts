import { SETTINGS, SETTING_KEYS, defaultTextOf, flagOf, rangeOf } from './settings';

export interface ConfigVariable {
  /** The environment variable. */
  name: string;
  /** The flag that sets the same, and wins over the variable. */
  flag: string;
  /** The accepted values, as the README's range column writes them. */
  range: string;
  /** The default as a reader would write it; `unset` when there is none. */
  default: string;
  meaning: string;
}

/** Every setting the gateway reads, in table order: the README's configuration table mirrors this list. */
export const CONFIG_VARIABLES: readonly ConfigVariable[] = SETTING_KEYS.map((key) => {
  const setting = SETTINGS[key];
  return { name: setting.variable, flag: flagOf(setting.variable), range: rangeOf(setting), default: defaultTextOf(setting), meaning: setting.meaning };
});
