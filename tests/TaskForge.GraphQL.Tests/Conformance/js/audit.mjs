// Usage: node audit.mjs <url>
// Runs graphql-http's server audit suite (GraphQL over HTTP conformance) and prints
// [{ id, name, status, reason? }] as JSON. Status is ok, notice, warn or error.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url>');
  process.exit(2);
}
const results = await auditServer({ url });
const out = [];
for (const r of results) {
  const entry = { id: r.id, name: r.name, status: r.status };
  if (r.status !== 'ok') {
    entry.reason = r.reason;
    entry.responseStatus = r.response?.status;
    try {
      entry.responseBody = await r.response.text();
    } catch {
      // The body may already have been consumed by the audit itself.
    }
  }
  out.push(entry);
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
