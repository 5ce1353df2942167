import * as signalR from "@microsoft/signalr";
const conn = new signalR.HubConnectionBuilder().withUrl("http://127.0.0.1:5099/hubs/events", { accessTokenFactory: () => process.env.TOKEN }).configureLogging(signalR.LogLevel.None).build();
await conn.start();
for (const arg of [
  { scopes: [], after: null },
  { scopes: ["me"], after: "abc" },
  { scopes: ["me"], after: "-5" },
  { scopes: ["me"], after: "99999999999999999999999" },
  { scopes: ["me"], after: 12.5 },
  { scopes: ["me"], after: true },
  { scopes: null, after: null },
  { after: null },
  null,
  "text",
  { scopes: ["me", "me"], after: null },
  { scopes: Array(100).fill("me"), after: null },
  { scopes: [42], after: null },
]) {
  try { const r = await conn.invoke("Subscribe", arg); console.log(JSON.stringify(arg)?.slice(0, 60), "->", JSON.stringify(r).slice(0, 100)); }
  catch (e) { console.log(JSON.stringify(arg)?.slice(0, 60), "-> ERR", e.message.slice(0, 200)); }
}
for (const arg of [null, {}, { scope: "nope" }, { scope: 5 }]) {
  try { const r = await conn.invoke("JoinPresence", arg); console.log("JoinPresence", JSON.stringify(arg), "->", JSON.stringify(r).slice(0, 100)); }
  catch (e) { console.log("JoinPresence", JSON.stringify(arg), "-> ERR", e.message.slice(0, 200)); }
}
for (const arg of [null, { taskId: "x", typing: true }, { taskId: null, typing: "yes" }]) {
  try { const r = await conn.invoke("Typing", arg); console.log("Typing", JSON.stringify(arg), "->", JSON.stringify(r)); }
  catch (e) { console.log("Typing", JSON.stringify(arg), "-> ERR", e.message.slice(0, 200)); }
}
try { await conn.invoke("Unsubscribe", "nope"); console.log("Unsubscribe nope ok"); } catch (e) { console.log("Unsubscribe nope -> ERR", e.message.slice(0, 200)); }
try { await conn.invoke("Unsubscribe", null); console.log("Unsubscribe null ok"); } catch (e) { console.log("Unsubscribe null -> ERR", e.message.slice(0, 200)); }
await conn.stop();
