// Usage: node graphql-ws-client.mjs
// graphql-ws's client (the reference graphql-transport-ws client) against TaskForge's /graphql, driven by the test over
// stdin/stdout like signalr-client.mjs: {id, op, ...} in, {id, ok, result} or {id, ok: false, error} out.
// Ops: connect {url, token} (the token in connection_init's payload, as a browser must), subscribe {query, variables}
// (messages recorded as they come), dispose, state ({ next: [...], errors: [...], completed: n, closes: [{code, reason}] }).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import readline from 'node:readline';

const state = { next: [], errors: [], completed: 0, closes: [] };
let client = null;

const handlers = {
  async connect({ url, token }) {
    client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: false,
    });
    client.on('closed', (event) => state.closes.push({ code: event?.code ?? 0, reason: event?.reason ?? '' }));
    await new Promise((resolve, reject) => {
      const off = client.on('connected', () => { off(); resolve(); });
      client.on('closed', (event) => reject(new Error(`closed ${event?.code}`)));
    });
    return null;
  },
  async subscribe({ query, variables }) {
    client.subscribe({ query, variables }, {
      next: (value) => (value.errors ? state.errors.push(value.errors) : state.next.push(value.data)),
      error: (error) => state.errors.push(Array.isArray(error) ? error : [{ message: String(error?.message ?? error?.reason ?? error) }]),
      complete: () => state.completed++,
    });
    return null;
  },
  async dispose() {
    await client?.dispose();
    client = null;
    return null;
  },
  async state() {
    return state;
  },
};

const reply = (answer) => process.stdout.write(JSON.stringify(answer) + '\n');
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const command = JSON.parse(line);
  try {
    reply({ id: command.id, ok: true, result: await handlers[command.op](command) });
  } catch (e) {
    reply({ id: command.id, ok: false, error: String(e?.message ?? e) });
  }
}
await client?.dispose();
