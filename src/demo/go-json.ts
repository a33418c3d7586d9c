// Go's encoding/json escapes these even inside strings (HTML-safe output, spec §4 "Wire format");
// they can only occur inside JSON strings, so a global replace is exact.
const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * The bytes a Kubernetes API server writes for `value`: compact with one trailing newline
 * (json.Encoder), or indented by two spaces with no trailing newline (json.MarshalIndent) when
 * `pretty`.
 */
export function goJson(value: unknown, pretty = false): string {
  const text = pretty ? JSON.stringify(value, null, 2) : `${JSON.stringify(value)}\n`;
  return text.replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c] ?? c);
}

/** Go's `%q` for the strings that appear in API messages (strconv.Quote). */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
