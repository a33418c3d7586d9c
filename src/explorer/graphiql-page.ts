/** Where the explorer's files are served, relative to the page (at /graphiql and at /graphql). */
export const ASSETS_BASE = 'graphiql/assets/';

/**
 * What the browser may load on the GraphiQL page: only the gateway (the page, its files, its
 * queries and, for subscriptions, its WebSocket) and what the stylesheet carries inline (fonts and
 * images as data: URLs). The browser itself then refuses any other address.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL and CodeMirror set style attributes.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

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
<script src="${ASSETS_BASE}start.js"></script>
</body>
</html>
`;
