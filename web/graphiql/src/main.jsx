// GraphiQL on this origin's /graphql. Every asset is bundled by vite: the page loads nothing from a CDN.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

// The header editor starts open with a template: paste a token from the API's sign-in to query as that user.
const placeholder = 'Bearer <paste a token here>';
const defaultHeaders = JSON.stringify({ Authorization: placeholder }, null, 2);

// The first tab says how to sign in, and its query works before any token is pasted.
const defaultQuery = `# TaskForge's GraphQL API
#
# 1. Sign in (the demo prints its accounts):
#      mutation {
#        login(input: {
#          email: "...", password: "..."
#        }) { accessToken }
#      }
# 2. In Headers below, put the accessToken
#    in place of <paste a token here>.
# 3. Ask as that user, for example:
#      { me { name email } }
#
# The documentation explorer (top left) lists
# every query, mutation and subscription.

{ __typename }
`;

// Subscriptions go over graphql-transport-ws on the same path; the headers editor's content becomes connection_init's
// payload, which the API reads for its Authorization.
const endpoint = new URL('/graphql', window.location.origin);
const socket = new URL(endpoint);
socket.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
const toolkitFetcher = createGraphiQLFetcher({ url: endpoint.href, subscriptionUrl: socket.href });

// Until a token replaces it, the template's placeholder is not sent: the API would refuse it as a malformed token, and
// the sign-in mutation itself must work without one.
const fetcher = (params, options) => {
  const headers = { ...(options?.headers ?? {}) };
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() === 'authorization' && String(headers[name]).trim() === placeholder) delete headers[name];
  }

  return toolkitFetcher(params, { ...options, headers });
};

createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultHeaders,
    defaultQuery,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
  }),
);
