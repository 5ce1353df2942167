// Usage: node audit.mjs <url>
// graphql-http's server audit (GraphQL over HTTP conformance) against TaskForge's /graphql; the audits only send
// `{ __typename }` and malformed variants of it, which TaskForge answers anonymously.
// Prints [{ id, name, status, reason?, responseStatus?, responseBody? }]; status is ok, notice, warn or error.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url>');
  process.exit(2);
}
const out = [];
for (const r of await auditServer({ url })) {
  const entry = { id: r.id, name: r.name, status: r.status };
  if (r.status !== 'ok') {
    entry.reason = r.reason;
    entry.responseStatus = r.response?.status;
    try {
      entry.responseBody = await r.response.text();
    } catch {
      // The audit may have read the body already.
    }
  }
  out.push(entry);
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
