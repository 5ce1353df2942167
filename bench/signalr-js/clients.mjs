// Usage: node clients.mjs
// Many @microsoft/signalr connections in this one Node process (WebSockets, JSON protocol), driven by the realtime
// benchmark (bench/TaskForge.Bench/Realtime/JsReceivers.cs) over stdin/stdout: one JSON command per line in, one JSON
// answer per line out.
//   {"op":"connect","url":U,"clients":[{"token":T|null,"method":M,"arg":A}, ...]}
//       opens one connection per client (16 at a time), then invokes M(A) on it: Subscribe on TaskForge's hub, Join on
//       the floor hub. Answers {"connected":n,"failed":n,"error":first error or null}.
//   {"op":"begin"}  starts recording: clears the latencies and the count. Answers {"ok":true}.
//   {"op":"count"}  answers {"received":events since begin}.
//   {"op":"end"}    stops recording; answers {"latencies":[ms, ...]}, one per Event received while recording, and
//                   {"loopDelayMs":{p50,p99,max}}: how late this process's event loop ran while recording (5 ms
//                   resolution), which tells a client starved of CPU from a late server.
//   {"op":"close"}  stops every connection; answers {"ok":true} and exits.
// A latency is the time from the Event's occurredAt to its receipt here, both on the machine's clock. occurredAt has
// sub-millisecond digits, and performance.timeOrigin + performance.now() is read with sub-millisecond resolution.
import * as signalR from '@microsoft/signalr';
import readline from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const connections = [];
let recording = false;
let received = 0;
let latencies = [];
const loopDelay = monitorEventLoopDelay({ resolution: 5 });

function epochMs(text) {
  const fraction = /\.(\d+)/.exec(text);
  const whole = Date.parse(text);
  if (!fraction) return whole;
  const millis = Number(`0.${fraction[1]}`) * 1000;
  return whole - (whole % 1000 + 1000) % 1000 + millis;
}

function onEvent(event) {
  if (!recording) return;
  received++;
  latencies.push(performance.timeOrigin + performance.now() - epochMs(event.occurredAt));
}

async function open(url, client) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url, {
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
      ...(client.token ? { accessTokenFactory: () => client.token } : {}),
    })
    .configureLogging(signalR.LogLevel.None)
    .build();
  connection.serverTimeoutInMilliseconds = 120_000;
  connection.on('Event', onEvent);
  await connection.start();
  await connection.invoke(client.method, client.arg);
  connections.push(connection);
}

async function connectAll(url, clients) {
  let next = 0, connected = 0, failed = 0, error = null;
  async function worker() {
    while (next < clients.length) {
      const client = clients[next++];
      try {
        await open(url, client);
        connected++;
      } catch (e) {
        failed++;
        error ??= String(e?.message ?? e);
      }
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker));
  return { connected, failed, error };
}

const answer = value => process.stdout.write(`${JSON.stringify(value)}\n`);
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const command = JSON.parse(line);
  switch (command.op) {
    case 'connect':
      answer(await connectAll(command.url, command.clients));
      break;
    case 'begin':
      latencies = [];
      received = 0;
      recording = true;
      loopDelay.reset();
      loopDelay.enable();
      answer({ ok: true });
      break;
    case 'count':
      answer({ received });
      break;
    case 'end':
      recording = false;
      loopDelay.disable();
      answer({
        latencies: latencies.map(l => Math.round(l * 1000) / 1000),
        loopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
      });
      latencies = [];
      break;
    case 'close':
      await Promise.all(connections.map(c => c.stop().catch(() => {})));
      answer({ ok: true });
      process.exit(0);
      break;
    default:
      answer({ refused: `unknown op ${command.op}` });
  }
}
