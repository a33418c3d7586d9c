import { SETTINGS, SETTING_KEYS, defaultTextOf, flagOf, rangeOf } from './settings';

const WIDTH = 100;

/** What `--help` prints: every setting's flag, variable, range, default and meaning, in table order. */
export function helpText(): string {
  const lines = [
    'imagestream-gateway: a GraphQL gateway over the OpenShift image API.',
    '',
    'Usage: npm start -- [flags]    or    node dist/src/main.js [flags]',
    '',
    ...wrap(
      'Every setting is a flag or an environment variable, and a flag wins over its variable: --port 4000, --port=4000 and PORT=4000 are the same. ' +
        'A boolean flag alone means true (--token-review), or takes true or false (--token-review false). An empty value means unset.',
      '',
      '',
    ),
    '',
    '  -h, --help',
    '      Prints this text and exits without starting anything.',
  ];
  for (const key of SETTING_KEYS) {
    const setting = SETTINGS[key];
    lines.push('', ...wrap(`${flagOf(setting.variable)}, ${setting.variable}: ${rangeOf(setting)} (default: ${defaultTextOf(setting)})`, '  ', '    '));
    lines.push(...wrap(setting.meaning, '      ', '      '));
  }
  return `${lines.join('\n')}\n`;
}

/** `text` in lines of at most WIDTH characters (a longer word stands alone): the first after `first`, the rest after `rest`. */
function wrap(text: string, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    const indent = lines.length === 0 ? first : rest;
    if (line !== indent && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else {
      line = line === indent ? indent + word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines;
}
