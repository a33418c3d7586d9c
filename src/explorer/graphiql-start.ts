/** The first query the self-hosted explorer shows, before a user has one of their own. */
const FIRST_QUERY = `# The gateway's own GraphiQL. Ctrl+Enter runs a query.
# Docs (book icon): the schema. History (clock icon): what you ran.
# Headers: {"Authorization": "Bearer <token>"}, never stored.
query FirstLook {
  imageStreams(namespace: "openshift", first: 3) {
    edges { node { id metadata { name } status { tags { tag } } } }
  }
}
`;

/**
 * The script that starts GraphiQL on the explorer page (served as a file, so the page's
 * Content-Security-Policy allows no inline script). The endpoint is relative to the page, so it
 * works at /graphiql and /graphql alike, and under any path prefix a proxy adds.
 */
export const GRAPHIQL_START_SCRIPT = `(function () {
  var endpoint = new URL('graphql', window.location.href).href;
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: ${JSON.stringify(FIRST_QUERY)},
      // Pre-filled with nothing, and never written to the browser's storage: it holds tokens.
      defaultHeaders: '',
      shouldPersistHeaders: false,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
`;
