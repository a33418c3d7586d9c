/** Where the explorer's files are served, relative to the page (at /graphiql and at /graphql). */
export const ASSETS_BASE = 'graphiql/assets/';

/** A Host header that is a host name or IP literal with an optional port, nothing else. */
const PLAIN_HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/;

/**
 * What the browser may load on the GraphiQL page: only the gateway (the page, its files, its
 * queries and, for subscriptions, its WebSocket) and what the stylesheet carries inline (fonts and
 * images as data: URLs). The browser itself then refuses any other address.
 *
 * `'self'` covers the WebSocket in browsers that follow CSP Level 3; older ones match it against
 * http(s) only, so the page's own origin is also named in its
 * ws: or wss: form, built from the request the page answers (`protocol` and `host` as the browser
 * addressed it). A Host that is not a plain host[:port] adds nothing.
 */
export function graphiqlCsp(protocol: string, host: string | undefined): string {
  const socket = host !== undefined && PLAIN_HOST.test(host) ? ` ${protocol === 'https' ? 'wss' : 'ws'}://${host.toLowerCase()}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    // GraphiQL and CodeMirror set style attributes.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src 'self'${socket}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** The self-hosted explorer's page: GraphiQL 4 and React 18 from the gateway's own npm packages. */
export const GRAPHIQL_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>imagestream-gateway · GraphiQL</title>
<link rel="stylesheet" href="${ASSETS_BASE}graphiql.min.css">
<style>html, body, #graphiql { margin: 0; height: 100%; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${ASSETS_BASE}react.production.min.js"></script>
<script src="${ASSETS_BASE}react-dom.production.min.js"></script>
<script src="${ASSETS_BASE}graphiql.min.js"></script>
<script src="${ASSETS_BASE}graphql-ws.min.js"></script>
<script src="${ASSETS_BASE}start.js"></script>
</body>
</html>
`;
