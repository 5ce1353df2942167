// GraphiQL on this origin's /graphql. Every asset is bundled by vite: the page loads nothing from a CDN.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.origin).href });

// The header editor starts open with a template: paste a token from the API's sign-in to query as that user.
const defaultHeaders = JSON.stringify({ Authorization: 'Bearer <paste a token here>' }, null, 2);

createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultHeaders,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
  }),
);
