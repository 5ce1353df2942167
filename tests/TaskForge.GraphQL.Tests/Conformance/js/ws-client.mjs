// Usage: node ws-client.mjs <ws-url> '<spec json>'
// spec: { "connectionParams": {...}?, "keepAlive": ms?,
//         "operations": [{ "query", "variables"?, "operationName"?, "take"? }] }
// With "take": n the client unsubscribes (sends complete) after n next messages.
// Uses graphql-ws's createClient (graphql-transport-ws protocol) and prints one JSON object per
// line: {"event":"connected"} | {"event":"next","op":i,"payload"} | {"event":"error","op":i,"error"}
// | {"event":"complete","op":i} | {"event":"ping"|"pong"} | {"event":"closed","code","reason"}.
// Exits once every operation has completed or errored, or the socket closed.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, specText] = process.argv.slice(2);
if (!url || !specText) {
  console.error("usage: node ws-client.mjs <ws-url> '<spec json>'");
  process.exit(2);
}
const spec = JSON.parse(specText);
const print = (o) => process.stdout.write(JSON.stringify(o) + '\n');

const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: spec.connectionParams,
  keepAlive: spec.keepAlive ?? 0,
  retryAttempts: 0,
  lazy: true,
  on: {
    connected: () => print({ event: 'connected' }),
    ping: (received) => print({ event: 'ping', received }),
    pong: (received) => print({ event: 'pong', received }),
    closed: (e) => print({ event: 'closed', code: e?.code, reason: e?.reason }),
  },
});

const describe = (error) =>
  Array.isArray(error) ? error : error?.code !== undefined ? { code: error.code, reason: error.reason } : String(error);

await Promise.all(
  spec.operations.map(
    ({ take, ...operation }, op) =>
      new Promise((resolve) => {
        let received = 0;
        const unsubscribe = client.subscribe(operation, {
          next: (payload) => {
            print({ event: 'next', op, payload });
            if (take !== undefined && ++received === take) {
              unsubscribe();
              print({ event: 'unsubscribed', op });
              resolve();
            }
          },
          error: (error) => {
            print({ event: 'error', op, error: describe(error) });
            resolve();
          },
          complete: () => {
            print({ event: 'complete', op });
            resolve();
          },
        });
      }),
  ),
);
await client.dispose();
