import { CONFIG_VARIABLES, helpText } from '../../src/config';

const text = helpText();
// Each entry on one line: its wrapped lines are indented by four spaces or more, entries by two.
const unwrapped = text.replace(/\n {4,}/g, ' ');

it('lists every setting with its flag, variable, range and default, then its meaning', () => {
  for (const v of CONFIG_VARIABLES) {
    expect(unwrapped).toContain(`\n  ${v.flag}, ${v.name}: ${v.range} (default: ${v.default}) ${v.meaning}\n`);
  }
});

it('writes the settings in table order, one entry each, after --help', () => {
  const heads = [...text.matchAll(/^ {2}(-h, --help$|--[a-z-]+(?=,))/gm)].map((match) => match[1]);
  expect(heads).toEqual(['-h, --help', ...CONFIG_VARIABLES.map((v) => v.flag)]);
});

it('starts with the usage and the rule that a flag wins, and writes PORT as two lines', () => {
  expect(text.split('\n').slice(0, 3)).toEqual([
    'imagestream-gateway: a GraphQL gateway over the OpenShift image API.',
    '',
    'Usage: npm start -- [flags]    or    node dist/src/main.js [flags]',
  ]);
  expect(text.replace(/\s+/g, ' ')).toContain('a flag wins over its variable: --port 4000, --port=4000 and PORT=4000 are the same.');
  expect(text).toContain('\n  --port, PORT: 1-65535 (default: 4000)\n      TCP port of the HTTP server.\n');
});

it('keeps every line within 100 characters', () => {
  expect(text.split('\n').filter((line) => line.length > 100)).toEqual([]);
});
