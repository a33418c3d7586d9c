import { goJson, goQuote } from '../../src/openshift/go-json';

describe('goJson', () => {
  test('writes compact JSON with one trailing newline', () => {
    expect(goJson({ a: [1, 'x'], b: null })).toBe('{"a":[1,"x"],"b":null}\n');
  });

  test('escapes <, >, & and the JS line separators as Go does, inside strings only', () => {
    expect(goJson({ m: 'a<b>&c\u2028\u2029' })).toBe('{"m":"a\\u003cb\\u003e\\u0026c\\u2028\\u2029"}\n');
    expect(JSON.parse(goJson({ m: '<&>' }))).toEqual({ m: '<&>' });
  });

  test('indents by two spaces without a trailing newline when pretty', () => {
    expect(goJson({ a: { b: 1 } }, true)).toBe('{\n  "a": {\n    "b": 1\n  }\n}');
  });
});

describe('goQuote', () => {
  test.each([
    ['ruby', '"ruby"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\tnew\nline\r', '"tab\\tnew\\nline\\r"'],
    ['bell\x07vt\x0b', '"bell\\avt\\v"'],
    ['nul\x00del\x7f', '"nul\\x00del\\x7f"'],
    ['été', '"été"'],
    ['nbsp\u00a0zwsp\u200b', '"nbsp\\u00a0zwsp\\u200b"'],
    ['a b', '"a b"'],
  ])('quotes %j as %s', (input, quoted) => {
    expect(goQuote(input)).toBe(quoted);
  });
});

describe('goJson writes what Go 1.22 encoding/json writes', () => {
  test.each([
    ['\b and \f as short escapes', 'a\bb\fc', '"a\\bb\\fc"\n'],
    ['other controls as \\u00XX', 'a\u0001b\u001fc', '"a\\u0001b\\u001fc"\n'],
    ['DEL as it is', 'a\u007fb', '"a\u007fb"\n'],
    ['a lone surrogate as the replacement character', 'a\ud800b', '"a\ufffdb"\n'],
    ['a surrogate pair as UTF-8', 'a😀b', '"a😀b"\n'],
    ['an escaped backslash before "ud800" as text', '\\ud800', '"\\\\ud800"\n'],
    ['HTML characters and the line separators escaped', '<&>\u2028\u2029', '"\\u003c\\u0026\\u003e\\u2028\\u2029"\n'],
  ])('%s', (_what, value, expected) => {
    expect(goJson(value)).toBe(expected);
  });
});
