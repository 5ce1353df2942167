// Usage: node signalr-client.mjs
// A real @microsoft/signalr client of TaskForge's /hubs/events, driven by the test over stdin/stdout: one JSON command
// per input line ({id, op, ...}), one JSON answer per output line ({id, ok, result} or {id, ok: false, error}).
// Ops: connect {url, token, protocol} (WebSockets, the token as access_token as browsers send it; protocol 'messagepack'
// for @microsoft/signalr-protocol-msgpack, JSON otherwise), invoke {method, args},
// stop (closes the connection), state (what the client holds: events, live, ended, presence and typing messages, closes).
import * as signalR from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import readline from 'node:readline';

const state = { events: [], live: [], ended: [], presence: [], typing: [], closes: [] };
let connection = null;

const handlers = {
  async connect({ url, token, protocol }) {
    const builder = new signalR.HubConnectionBuilder()
      .withUrl(url, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
      .configureLogging(signalR.LogLevel.None);
    if (protocol === 'messagepack') builder.withHubProtocol(new MessagePackHubProtocol());
    connection = builder.build();
    connection.on('Event', (e) => state.events.push({ id: e.id, subscriptionId: e.subscriptionId, type: e.type, title: e.data?.title ?? null }));
    connection.on('Live', (m) => state.live.push(m));
    connection.on('SubscriptionEnded', (m) => state.ended.push(m));
    connection.on('PresenceChanged', (m) => state.presence.push(m));
    connection.on('TypingChanged', (m) => state.typing.push(m));
    const mine = connection;
    mine.onclose((error) => state.closes.push(error ? String(error.message ?? error) : null));
    await mine.start();
    return { connectionId: mine.connectionId, protocol: mine._protocol?.name ?? null };
  },
  async invoke({ method, args }) {
    return (await connection.invoke(method, ...(args ?? []))) ?? null;
  },
  async stop() {
    await connection?.stop();
    connection = null;
    return null;
  },
  async state() {
    return { ...state, connected: connection?.state === signalR.HubConnectionState.Connected };
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
await connection?.stop();
