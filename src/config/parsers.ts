/**
 * How one setting's text becomes its value. A parser knows the values it accepts and says so in
 * the words the README, `--help` and error messages all use, so none of them can drift from the
 * check itself.
 */
export interface Parser<T> {
  /** The accepted values in a few words, as the README's range column writes them: `1-65535`. */
  readonly range: string;
  /** What an error message says the value must be: `PORT must be an integer 1-65535`. */
  readonly expected: string;
  /** Whether blanks around the value are a typo (trimmed away) rather than part of the value. */
  readonly trims: boolean;
  /** The text a flag given alone stands for (`--token-review` is `--token-review true`). */
  readonly bare?: string;
  /** The value of `text` (never empty: empty means unset); throws InvalidValue. */
  parse(text: string): T;
  /** A value as the documentation writes it. */
  show(value: T): string;
}

/** Thrown by `parse`. `got` replaces the quoted value when quoting it would leak a secret. */
export class InvalidValue extends Error {
  constructor(readonly got?: string) {
    super(got ?? 'invalid value');
  }
}

/** `a, b or c`: how an error sentence lists a few words. */
function listed(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/** A whole number in `min`-`max`; without `max`, any safe integer from `min`. */
export function integer(min: number, max = Number.MAX_SAFE_INTEGER): Parser<number> {
  const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `${min}-${max}`;
  return {
    range,
    expected: `an integer ${range}`,
    trims: true,
    parse(text) {
      // Digits only: Number() would take "1e3", "0x10" and "" for numbers nobody meant.
      const n = /^\d+$/.test(text) ? Number(text) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidValue();
      return n;
    },
    show: String,
  };
}

/** `true`/`false`, also written `1`/`0`, in any case. */
export const boolean: Parser<boolean> = {
  range: 'true or false',
  expected: 'true or false',
  trims: true,
  bare: 'true',
  parse(text) {
    const word = text.toLowerCase();
    if (word === 'true' || word === '1') return true;
    if (word === 'false' || word === '0') return false;
    throw new InvalidValue();
  },
  show: String,
};

/** One of a few words, in any case; `aliases` maps other spellings (`1`) to them. */
export function oneOf<const V extends string>(values: readonly V[], aliases: Readonly<Record<string, V>> = {}): Parser<V> {
  const range = listed(values);
  return {
    range,
    expected: range,
    trims: true,
    parse(text) {
      const word = text.toLowerCase();
      const value = values.find((v) => v === word) ?? aliases[word];
      if (value === undefined) throw new InvalidValue();
      return value;
    },
    show: String,
  };
}

/** Free text taken as written (blanks included, since a path or an address may hold them); `range` describes it. */
export function text(range: string): Parser<string> {
  return { range, expected: range, trims: false, parse: (value) => value, show: String };
}

/** Comma-separated origins, each `scheme://host[:port]` exactly as a browser sends it. */
export const origins: Parser<string[]> = {
  range: 'comma-separated http(s) origins',
  expected: 'a comma-separated list of origins such as https://console.example.com',
  trims: true,
  parse(value) {
    return value.split(',').map((entry) => {
      const origin = entry.trim();
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      // The one entry that is wrong, not the whole list, is what a person needs to see.
      if (!parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol)) throw new InvalidValue(JSON.stringify(origin));
      return origin;
    });
  },
  show: (value) => value.join(','),
};

/**
 * A URL of one of `schemes` (`redis:`). It is never quoted back, since it may hold a password:
 * an error says only which scheme it had.
 */
export function url(schemes: readonly string[], example: string): Parser<string> {
  const range = `a ${listed(schemes.map((scheme) => `${scheme}//`))} URL`;
  return {
    range,
    expected: `${range} such as ${example}`,
    trims: false,
    parse(value) {
      let scheme: string | undefined;
      try {
        scheme = new URL(value).protocol;
      } catch {
        scheme = undefined;
      }
      if (scheme === undefined || !schemes.includes(scheme)) {
        throw new InvalidValue(scheme ? `a ${scheme}// URL` : 'something that is not a URL');
      }
      return value;
    },
    show: String,
  };
}

/** A secret of at least `minLength` characters; an error tells its length, never the secret. */
export function secret(minLength: number): Parser<string> {
  const range = `at least ${minLength} characters`;
  return {
    range,
    expected: range,
    trims: false,
    parse(value) {
      if (value.length < minLength) throw new InvalidValue(String(value.length));
      return value;
    },
    show: () => '(secret)',
  };
}
