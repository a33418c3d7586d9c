// The bytes a Kubernetes API server writes with Go's encoding/json, and Go's quoting of the names
// its messages quote, so that a client comparing or grepping bodies sees what OpenShift sends
// (behaviour §4, §6). Shared by the gateway's REST route and the demo cluster.

// Go escapes these inside strings (HTML-safe output, and the two JavaScript line separators).
// They can occur only inside JSON strings, where `\uXXXX` means the same character.
const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON.stringify writes a lone surrogate as `\udXXX`; Go never has one (its strings are UTF-8)
 * and writes the replacement character where the bytes were not valid. An odd run of
 * backslashes before the `u` is an escape; an even one is an escaped backslash followed by text.
 */
const LONE_SURROGATE_ESCAPE = /(\\+)u(d[89a-f][0-9a-f]{2})/g;

/**
 * `value` as the API server writes it: compact with one trailing newline (json.Encoder), or
 * indented by two spaces without one (json.MarshalIndent) when `pretty`. JSON.stringify already
 * writes `\b`, `\f`, `\n`, `\r`, `\t` and `\u00XX` for the other controls as Go 1.22 does.
 */
export function goJson(value: unknown, pretty = false): string {
  const text = pretty ? JSON.stringify(value, null, 2) : `${JSON.stringify(value)}\n`;
  return text
    .replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c] ?? c)
    .replace(LONE_SURROGATE_ESCAPE, (match, slashes: string) => (slashes.length % 2 === 1 ? `${slashes.slice(1)}\ufffd` : match));
}

const GO_SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** What Go's unicode.IsPrint refuses: controls, format characters, separators other than " ". */
const NOT_PRINTABLE = /^[\p{C}\p{Z}]$/u;

/** Go's `%q` for the names quoted in API messages (strconv.Quote). */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (GO_SHORT_ESCAPES[ch]) out += GO_SHORT_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    // A lone surrogate cannot come from a decoded URL; Go would see U+FFFD in its place.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else if (ch !== ' ' && NOT_PRINTABLE.test(ch)) {
      out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}
