// Usage: node apollo-client.mjs <http-url> <scenario>
// Runs @apollo/client 4 against our endpoint and prints one JSON object: {"requests": [...], "results": [...]}.
// Every HTTP request the client sends is recorded (method, whether it carried the query text, its extensions).
// Scenarios:
//   apq    PersistedQueryLink (hashed queries over GET) + HttpLink: the same query twice, network-only.
//   batch  BatchHttpLink: three queries issued together, sent as one batched POST.
//   defer  HttpLink with GraphQL17Alpha9Handler: a query with @defer and @stream, every emission recorded.
import { createHash } from 'node:crypto';
import { ApolloClient, InMemoryCache, HttpLink, ApolloLink, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import { GraphQL17Alpha9Handler } from '@apollo/client/incremental';

const [url, scenario] = process.argv.slice(2);
if (!url || !scenario) {
  console.error('usage: node apollo-client.mjs <http-url> <scenario>');
  process.exit(2);
}

const requests = [];
const recordingFetch = async (input, init = {}) => {
  const target = new URL(typeof input === 'string' ? input : input.url);
  const method = init.method ?? 'GET';
  const body = init.body ? JSON.parse(init.body) : null;
  const entries = body === null ? [Object.fromEntries(target.searchParams)] : Array.isArray(body) ? body : [body];
  requests.push({
    method,
    batch: Array.isArray(body),
    operations: entries.map((e) => ({
      hasQuery: typeof e.query === 'string' && e.query.length > 0,
      extensions: typeof e.extensions === 'string' ? JSON.parse(e.extensions) : e.extensions ?? null,
    })),
  });
  const response = await fetch(input, init);
  requests[requests.length - 1].accept = new Headers(init.headers).get('accept');
  requests[requests.length - 1].contentType = response.headers.get('content-type');
  return response;
};

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const results = [];
const cache = () => new InMemoryCache();

if (scenario === 'apq') {
  const link = ApolloLink.from([
    new PersistedQueryLink({ sha256, useGETForHashedQueries: true }),
    new HttpLink({ uri: url, fetch: recordingFetch }),
  ]);
  const client = new ApolloClient({ link, cache: cache() });
  const query = gql`query Greeting($name: String) { hello(name: $name) }`;
  for (const name of ['apq-1', 'apq-2']) {
    const { data, error } = await client.query({ query, variables: { name }, fetchPolicy: 'network-only' });
    results.push({ data, error: error?.message ?? null });
  }
} else if (scenario === 'batch') {
  const client = new ApolloClient({ link: new BatchHttpLink({ uri: url, fetch: recordingFetch, batchMax: 5, batchInterval: 20 }), cache: cache() });
  const query = gql`query Greeting($name: String) { hello(name: $name) }`;
  const all = await Promise.all(['a', 'b', 'c'].map((name) => client.query({ query, variables: { name }, fetchPolicy: 'network-only' })));
  for (const { data, error } of all) results.push({ data, error: error?.message ?? null });
} else if (scenario === 'defer') {
  const client = new ApolloClient({
    link: new HttpLink({ uri: url, fetch: recordingFetch }),
    cache: cache(),
    incrementalHandler: new GraphQL17Alpha9Handler(),
  });
  const query = gql`query Deferred { hello ... @defer(label: "slow") { later(delayMs: 300) } letters @stream(initialCount: 1) }`;
  await new Promise((resolve, reject) => {
    const subscription = client.watchQuery({ query, fetchPolicy: 'network-only' }).subscribe({
      next: (r) => {
        results.push({ dataState: r.dataState, data: r.data ?? null, error: r.error?.message ?? null });
        if (r.dataState === 'complete' || r.error) {
          subscription.unsubscribe();
          resolve();
        }
      },
      error: reject,
    });
  });
} else {
  console.error(`unknown scenario ${scenario}`);
  process.exit(2);
}

process.stdout.write(JSON.stringify({ requests, results }) + '\n');
