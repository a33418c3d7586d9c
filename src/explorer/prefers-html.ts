/**
 * Whether an `Accept` header is a browser's asking for a page: `text/html` named, with a quality
 * at least that of every GraphQL answer type it names. `*\/*` alone (curl, fetch) is not: those
 * clients get GraphQL's own answer to a GET.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html = 0;
  let graphql = 0;
  for (const part of accept.split(',')) {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (!Number.isFinite(quality)) continue;
    if (type === 'text/html') html = Math.max(html, quality);
    else if (type === 'application/json' || type === 'application/graphql-response+json') graphql = Math.max(graphql, quality);
  }
  return html > 0 && html >= graphql;
}
