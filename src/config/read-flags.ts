import { parseArgs } from 'node:util';
import leven from 'leven';
import { ConfigError } from './config-error';
import { SETTINGS, SETTING_KEYS, flagOf, type Setting } from './settings';

// Flags are the environment variables written another way: `--port 4000` and `--port=4000` are
// PORT=4000, and a flag wins over its variable. node:util's parseArgs splits the arguments
// (`--name=value`, `--`, grouped short flags); this module decides what they mean, because
// parseArgs' own strict mode can neither suggest a flag for a typo nor let a boolean flag stand
// alone and also take `true`/`false` as its next argument.
//
// A boolean flag's value is the word right after it, if any: `--token-review --port 1` is true,
// `--token-review false` is false and `--token-review maybe` is refused as its value.

/** A value given on the command line: the flag as written and its text. */
export interface FlagValue {
  flag: string;
  text: string;
}

const BY_FLAG = new Map<string, Setting<unknown>>(SETTING_KEYS.map((key) => [flagOf(SETTINGS[key].variable).slice(2), SETTINGS[key]]));

/** Whether the arguments ask for the help text (`--help` or `-h` before any `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** The settings given as flags, by variable; throws ConfigError for anything else on the command line. */
export function readFlags(argv: readonly string[]): Map<string, FlagValue> {
  const { tokens } = parseArgs({
    args: [...argv],
    // Declared so parseArgs takes `--port 4000`'s next argument as the value; booleans take none
    // of their own, and a following `true`/`false` is read below.
    options: Object.fromEntries([...BY_FLAG].map(([name, setting]) => [name, { type: setting.parser.bare !== undefined ? 'boolean' : 'string' }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const given = new Map<string, FlagValue>();
  let consumed = -1;
  for (const [at, token] of tokens.entries()) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (token.index === consumed) continue;
      throw new ConfigError(token.value, `unexpected argument ${JSON.stringify(token.value)}: settings are flags such as --port 4000 (--help lists them)`);
    }
    const setting = BY_FLAG.get(token.name);
    if (setting === undefined || !token.rawName.startsWith('--')) {
      throw new ConfigError(token.rawName, `unknown flag ${token.rawName}${suggestion(token.name)}; --help lists every setting`);
    }
    const flag = token.rawName;
    let value = token.value;
    if (setting.parser.bare !== undefined && value === undefined) {
      // `--token-review false`: a boolean flag followed by a word it accepts takes it as its value.
      const next = tokens[at + 1];
      if (next?.kind === 'positional' && next.index === token.index + 1) {
        // A word right after a boolean flag is meant as its value, so a wrong one is its error.
        value = next.value;
        consumed = next.index;
      } else {
        value = setting.parser.bare;
      }
    }
    // parseArgs hands `--port --host x` the next flag as --port's value.
    if (value === undefined || (!token.inlineValue && value.startsWith('--'))) {
      throw new ConfigError(setting.variable, `${flag} needs a value (${setting.parser.expected})${value === undefined ? '' : `, got the flag ${value}`}`);
    }
    given.set(setting.variable, { flag, text: value });
  }
  return given;
}

/** ` (did you mean --port?)` for a flag a typo or two away from a known one. */
function suggestion(name: string): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of BY_FLAG.keys()) {
    const distance = leven(name.toLowerCase(), known);
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  // Beyond a third of the name it is another word, not a typo.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean --${best}?)` : '';
}
