// Usage: node sse-client.mjs <http-url> '<spec json>'
// spec: { "singleConnection": bool, "operations": [{ "query", "variables"?, "take"? }] }
// Uses graphql-sse's createClient and prints one JSON object per line:
// {"event":"next","op":i,"payload"} | {"event":"error","op":i,"error"} | {"event":"complete","op":i}
// | {"event":"unsubscribed","op":i}. With "take": n the operation is disposed of after n results.
import { createClient } from 'graphql-sse';

const [url, specText] = process.argv.slice(2);
if (!url || !specText) {
  console.error("usage: node sse-client.mjs <http-url> '<spec json>'");
  process.exit(2);
}
const spec = JSON.parse(specText);
const print = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const client = createClient({ url, singleConnection: spec.singleConnection ?? false, retryAttempts: 0, lazy: true });
const describe = (error) => (error instanceof Error ? error.message : Array.isArray(error) ? error : String(error));

await Promise.all(
  spec.operations.map(
    ({ take, ...operation }, op) =>
      new Promise((resolve) => {
        let received = 0;
        let disposed = false;
        const dispose = client.subscribe(operation, {
          next: (payload) => {
            // Events already read in the same chunk may still be handed over after dispose(): not part of the test.
            if (disposed) return;
            print({ event: 'next', op, payload });
            if (take !== undefined && ++received === take) {
              disposed = true;
              dispose();
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
client.dispose();
// Give the client's DELETE (single connection mode) a moment to leave before exiting.
await new Promise((resolve) => setTimeout(resolve, 200));
process.exit(0);
