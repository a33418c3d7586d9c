/** The first query the self-hosted explorer shows, before a user has one of their own. */
const FIRST_QUERY = `# The gateway's own GraphiQL. Ctrl+Enter runs a query or a subscription.
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
 *
 * Queries go over HTTP with GraphiQL's own fetcher. Subscriptions go over graphql-ws (the
 * `graphqlWs` global of that package's browser build, served next to GraphiQL) on the same path:
 * GraphiQL's `subscriptionUrl` would import graphql-ws as a module, which a page of plain scripts
 * cannot, and would pass the headers on as typed ("Authorization"), while the gateway reads
 * `connectionParams.authorization`. So each subscription uses a client for the Authorization the
 * headers editor holds when it starts; a changed token gets a connection of its own.
 */
export const GRAPHIQL_START_SCRIPT = `(function () {
  var endpoint = new URL('graphql', window.location.href).href;
  var socketUrl = endpoint.replace(/^http/, 'ws');
  var queries = GraphiQL.createFetcher({ url: endpoint });
  var sockets = {};

  function authorizationOf(headers) {
    var value = '';
    Object.keys(headers || {}).forEach(function (name) {
      if (name.toLowerCase() === 'authorization') value = String(headers[name]);
    });
    return value;
  }

  function socketFor(authorization) {
    if (!sockets[authorization]) {
      sockets[authorization] = graphqlWs.createClient({
        url: socketUrl,
        // Connected while a subscription runs, closed when the last one stops.
        lazy: true,
        retryAttempts: 0,
        connectionParams: authorization ? { authorization: authorization } : {},
      });
    }
    return sockets[authorization];
  }

  function isSubscription(document, operationName) {
    var operations = ((document && document.definitions) || []).filter(function (definition) {
      return definition.kind === 'OperationDefinition' && (!operationName || (definition.name && definition.name.value === operationName));
    });
    return operations.length === 1 && operations[0].operation === 'subscription';
  }

  // A closed socket is reported as a CloseEvent, which GraphiQL would show as {}.
  function readable(error) {
    if (typeof CloseEvent !== 'undefined' && error instanceof CloseEvent) {
      return new Error('The subscription\\'s WebSocket closed: ' + error.code + (error.reason ? ' ' + error.reason : ''));
    }
    return error;
  }

  function fetcher(params, options) {
    if (!isSubscription(options && options.documentAST, params.operationName)) return queries(params, options);
    var socket = socketFor(authorizationOf(options && options.headers));
    return {
      subscribe: function (observer) {
        var stop = socket.subscribe(params, {
          next: function (result) { observer.next(result); },
          error: function (error) { observer.error(readable(error)); },
          complete: function () { observer.complete(); },
        });
        return { unsubscribe: stop };
      },
    };
  }

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
