import * as signalR from "@microsoft/signalr";
const token = process.env.TOKEN;
const conn = new signalR.HubConnectionBuilder()
  .withUrl("http://127.0.0.1:5099/hubs/events", { accessTokenFactory: () => token })
  .build();
conn.on("Event", e => console.log("Event", e.id, e.type, JSON.stringify(e.data).slice(0, 120)));
conn.on("Live", l => console.log("Live", JSON.stringify(l)));
conn.on("PresenceChanged", p => console.log("Presence", JSON.stringify(p)));
conn.on("SubscriptionEnded", p => console.log("Ended", JSON.stringify(p)));
await conn.start();
const sub = await conn.invoke("Subscribe", { scopes: ["project:BCdSogFnR8NylzLaQv-LDBonUqIBbk0EdrkqgJU-Kx9-", "me"], after: "30" });
console.log("Subscribed", JSON.stringify(sub));
const pres = await conn.invoke("JoinPresence", { scope: "project:BCdSogFnR8NylzLaQv-LDBonUqIBbk0EdrkqgJU-Kx9-" });
console.log("JoinPresence", JSON.stringify(pres));
try { await conn.invoke("Subscribe", { scopes: ["workspace:nope"], after: null }); } catch (e) { console.log("bad scope:", e.message); }
try { await conn.invoke("Subscribe", { scopes: [], after: "abc" }); } catch (e) { console.log("bad after:", e.message); }
await new Promise(r => setTimeout(r, 6000));
await conn.stop();
