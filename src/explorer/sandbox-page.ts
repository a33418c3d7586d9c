/** Where Apollo's embeddable Sandbox is loaded from; `_latest` is what Apollo Server's own landing page loads. */
export const SANDBOX_SCRIPT_URL = 'https://embeddable-sandbox.cdn.apollographql.com/_latest/embeddable-sandbox.umd.production.min.js';

/** How long the page waits for Sandbox's code before it opens the gateway's own explorer. */
export const SANDBOX_WAIT_MS = 4000;

/**
 * The page of EXPLORER=auto: Apollo Sandbox where its code loads, else the gateway's GraphiQL at
 * `graphiqlPath` (relative to the page). A failed load (no route to Apollo's CDN, an unresolvable
 * host, a blocked request) falls back at once; a load that hangs, after SANDBOX_WAIT_MS. Nothing
 * on the page comes from anywhere else: no fonts, no images.
 */
export function sandboxPage(graphiqlPath: string): string {
  const config = JSON.stringify({ graphiql: graphiqlPath, script: SANDBOX_SCRIPT_URL, waitMs: SANDBOX_WAIT_MS })
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>imagestream-gateway explorer</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  #sandbox { position: absolute; inset: 0; }
  #sandbox iframe { width: 100%; height: 100%; border: none; }
  #loading { padding: 2rem; color: #555; }
</style>
</head>
<body>
<div id="loading">Loading Apollo Sandbox; without a connection to Apollo's CDN the gateway's own GraphiQL opens instead.</div>
<div id="sandbox"></div>
<script>
(function () {
  var config = ${config};
  var done = false;
  function fallback() {
    if (done) return;
    done = true;
    location.replace(new URL(config.graphiql, location.href).href + location.search);
  }
  var timer = setTimeout(fallback, config.waitMs);
  var script = document.createElement('script');
  script.src = config.script;
  script.onerror = fallback;
  script.onload = function () {
    if (done || !window.EmbeddedSandbox) return fallback();
    done = true;
    clearTimeout(timer);
    document.getElementById('loading').remove();
    new window.EmbeddedSandbox({
      target: '#sandbox',
      initialEndpoint: location.origin + location.pathname,
      initialState: { includeCookies: false },
      hideCookieToggle: false,
      endpointIsEditable: false,
      runTelemetry: true,
      allowDynamicStyles: false,
    });
  };
  document.head.appendChild(script);
})();
</script>
</body>
</html>
`;
}
