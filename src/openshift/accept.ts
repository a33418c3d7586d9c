// Which representation an `Accept` header asks for, negotiated as the API server does
// (k8s.io/apiserver's negotiation over goautoneg): clauses by `q`, then the more specific type
// first, then as given; the first clause the server can serve wins.

export type TableVersion = 'v1' | 'v1beta1';

/** The object itself, or the meta.k8s.io Table of this version. */
export type Representation = { kind: 'object' } | { kind: 'table'; version: TableVersion };

interface Clause {
  type: string;
  subtype: string;
  q: number;
  params: Map<string, string>;
}

function parse(accept: string): Clause[] {
  return accept
    .split(',')
    .map((text) => {
      const [range = '', ...rawParams] = text.split(';').map((part) => part.trim());
      const [type = '', subtype = ''] = range.toLowerCase().split('/');
      const params = new Map<string, string>();
      for (const param of rawParams) {
        const eq = param.indexOf('=');
        if (eq > 0) params.set(param.slice(0, eq).trim().toLowerCase(), param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'));
      }
      const q = params.has('q') ? Number(params.get('q')) : 1;
      return { type, subtype, q: Number.isFinite(q) ? q : 0, params };
    })
    .filter((clause) => clause.type !== '' && clause.q > 0);
}

/** goautoneg's order: higher q first; at equal q a concrete type before `*`, a concrete subtype before `*`. */
function before(a: Clause, b: Clause): number {
  if (a.q !== b.q) return b.q - a.q;
  if ((a.type === '*') !== (b.type === '*')) return a.type === '*' ? 1 : -1;
  if ((a.subtype === '*') !== (b.subtype === '*')) return a.subtype === '*' ? 1 : -1;
  return 0;
}

const servesJson = (clause: Clause): boolean =>
  (clause.type === 'application' && (clause.subtype === 'json' || clause.subtype === '*')) || (clause.type === '*' && clause.subtype === '*');

/**
 * The representation `accept` asks for: the object for plain JSON (or no header), a Table for
 * `application/json;as=Table;g=meta.k8s.io;v=v1|v1beta1`. A clause asking for a conversion the
 * server does not make (another `as`, group or version) is passed over, as the API server does.
 */
export function negotiateRepresentation(accept: string | undefined): Representation {
  if (!accept) return { kind: 'object' };
  // Array.prototype.sort is stable: equal clauses keep the order they were given in.
  for (const clause of parse(accept).sort(before)) {
    if (!servesJson(clause)) continue;
    const as = clause.params.get('as');
    if (as === undefined) return { kind: 'object' };
    const version = clause.params.get('v');
    if (as === 'Table' && clause.params.get('g') === 'meta.k8s.io' && (version === 'v1' || version === 'v1beta1')) return { kind: 'table', version };
  }
  return { kind: 'object' };
}

/** The content type of a Table answer of `version`. */
export const tableContentType = (version: TableVersion): string => `application/json;as=Table;v=${version};g=meta.k8s.io`;
