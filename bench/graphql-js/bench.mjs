// Usage: node bench.mjs [--seconds 5] [--warmup 2]   one run of both cases, JSON summary on stdout
//        node bench.mjs --print                         prints the response once
//        node bench.mjs --serve                         rounds on command, for interleaving with the C# suite:
//          stdin lines "warmup <full|parse> <seconds>", "round <full|parse> <seconds>" (each answered "ok"),
//          then "report" (answered with the JSON summary of all rounds).
// graphql-js baseline for bench/TaskForge.Bench/GraphQL: the same schema.graphql, data.json,
// query.graphql and variables.json as the C# suite. Measures (1) parse + validate + execute +
// JSON serialization of the response and (2) parse only, each op timed on its own; prints JSON.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, execute, parse, validate, version } from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const read = (name) => readFileSync(join(here, name), 'utf8');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = option('seconds', 5);
const warmup = option('warmup', 2);

const schema = buildSchema(read('schema.graphql'));
const data = JSON.parse(read('data.json'));
const query = read('query.graphql');
const variables = JSON.parse(read('variables.json'));
const users = new Map(data.users.map((u) => [u.id, u]));
const user = (id) => (id == null ? null : users.get(id));

const resolvers = {
  Query: {
    workspace: (_, { id }) => data.workspaces.find((w) => w.id === id) ?? null,
    viewer: () => user(data.viewerId),
  },
  Workspace: {
    members: (w) => w.memberIds.map(user),
    projects: (w, { first }) => w.projects.slice(0, first),
  },
  Project: {
    owner: (p) => user(p.ownerId),
    taskCount: (p) => p.tasks.length,
    tasks: (p, { first, status }) => (status == null ? p.tasks : p.tasks.filter((t) => t.status === status)).slice(0, first),
  },
  Task: {
    assignee: (t) => user(t.assigneeId),
    reporter: (t) => user(t.reporterId),
    comments: (t, { first }) => t.comments.slice(0, first),
    watchers: (t) => t.watcherIds.map(user),
  },
  Comment: {
    author: (c) => user(c.authorId),
  },
};
for (const [typeName, fields] of Object.entries(resolvers)) {
  const typeFields = schema.getType(typeName).getFields();
  for (const [fieldName, resolve] of Object.entries(fields)) typeFields[fieldName].resolve = resolve;
}

function full() {
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('\n'));
  const result = execute({ schema, document, variableValues: variables });
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return JSON.stringify(result);
}

function measure(op, durationSeconds, into = { samples: [], seconds: 0 }) {
  const samples = into.samples;
  const end = process.hrtime.bigint() + BigInt(Math.round(durationSeconds * 1e9));
  const start = process.hrtime.bigint();
  let now = start;
  while (now < end) {
    const before = now;
    op();
    now = process.hrtime.bigint();
    samples.push(Number(now - before) / 1000);
  }
  into.seconds += Number(now - start) / 1e9;
  return summarize(into);
}

function summarize({ samples: unsorted, seconds: elapsed }) {
  const samples = [...unsorted].sort((a, b) => a - b);
  const pct = (p) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))];
  return { ops: samples.length, seconds: elapsed, opsPerSec: samples.length / elapsed, p50Us: pct(50), p99Us: pct(99) };
}

if (process.argv.includes('--print')) {
  process.stdout.write(full() + '\n');
  process.exit(0);
}

const responseBytes = Buffer.byteLength(full());
const cases = { full, parse: () => parse(query) };
if (process.argv.includes('--serve')) {
  const { createInterface } = await import('node:readline');
  const rounds = { full: { samples: [], seconds: 0 }, parse: { samples: [], seconds: 0 } };
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, name, secondsText] = line.trim().split(/\s+/);
    if (command === 'warmup' || command === 'round') {
      measure(cases[name], Number(secondsText), command === 'round' ? rounds[name] : undefined);
      process.stdout.write('ok\n');
    } else if (command === 'report') {
      const summary = { graphqlJs: version, node: process.version, responseBytes, full: summarize(rounds.full), parse: summarize(rounds.parse) };
      process.stdout.write(JSON.stringify(summary) + '\n');
      break;
    }
  }
  process.exit(0);
}
measure(full, warmup);
const fullResult = measure(full, seconds);
measure(() => parse(query), warmup / 2);
const parseResult = measure(() => parse(query), seconds);
process.stdout.write(
  JSON.stringify({ graphqlJs: version, node: process.version, responseBytes, full: fullResult, parse: parseResult }) + '\n',
);
