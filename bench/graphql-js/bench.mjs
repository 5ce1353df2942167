// Usage: node bench.mjs [--seconds 5] [--warmup 2]   one run of every case, JSON summary on stdout
//        node bench.mjs --print [--defer]               prints the response once (--defer: every part, one per line)
//        node bench.mjs --serve                         rounds on command, for interleaving with the C# suite:
//          stdin lines "warmup <full|parse|defer> <seconds>", "round <full|parse|defer> <seconds>" (each answered "ok"),
//          then "report" (answered with the JSON summary of all rounds).
// graphql-js baseline for bench/TaskForge.Bench/GraphQL: the same schema.graphql, data.json,
// query.graphql and variables.json as the C# suite. Measures (1) parse + validate + execute +
// JSON serialization of the response, (2) parse only and (3) the same with @defer on each project's tasks
// (query-defer.graphql) through graphql-js 17's experimentalExecuteIncrementally, every part serialized; each op
// timed on its own; prints JSON.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, execute, parse, validate, version } from 'graphql';
import * as graphql17 from 'graphql17';

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
const deferQuery = read('query-defer.graphql');
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
const bind = (target) => {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const typeFields = target.getType(typeName).getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) typeFields[fieldName].resolve = resolve;
  }
  return target;
};
bind(schema);
const schema17 = bind(new graphql17.GraphQLSchema({
  ...graphql17.buildSchema(read('schema.graphql')).toConfig(),
  directives: [...graphql17.specifiedDirectives, graphql17.GraphQLDeferDirective, graphql17.GraphQLStreamDirective],
}));

// Parse, validate and run the deferred query incrementally; every part serialized, as a transport would.
function deferred() {
  const document = graphql17.parse(deferQuery);
  const errors = graphql17.validate(schema17, document);
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('\n'));
  const result = graphql17.experimentalExecuteIncrementally({ schema: schema17, document, variableValues: variables });
  if (!('initialResult' in result)) throw new Error('the deferred query was not delivered incrementally');
  const parts = [JSON.stringify(result.initialResult)];
  // Synchronous resolvers: the subsequent results are ready at once; drained synchronously is not possible,
  // so the case awaits them (see measureAsync).
  return (async () => {
    for await (const part of result.subsequentResults) parts.push(JSON.stringify(part));
    return parts;
  })();
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

async function measureAsync(op, durationSeconds, into = { samples: [], seconds: 0 }) {
  const samples = into.samples;
  const end = process.hrtime.bigint() + BigInt(Math.round(durationSeconds * 1e9));
  const start = process.hrtime.bigint();
  let now = start;
  while (now < end) {
    const before = now;
    await op();
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
  process.stdout.write((process.argv.includes('--defer') ? (await deferred()).join('\n') : full()) + '\n');
  process.exit(0);
}

const responseBytes = Buffer.byteLength(full());
const cases = { full, parse: () => parse(query) };
if (process.argv.includes('--serve')) {
  const { createInterface } = await import('node:readline');
  const rounds = { full: { samples: [], seconds: 0 }, parse: { samples: [], seconds: 0 }, defer: { samples: [], seconds: 0 } };
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, name, secondsText] = line.trim().split(/\s+/);
    if (command === 'warmup' || command === 'round') {
      const into = command === 'round' ? rounds[name] : undefined;
      if (name === 'defer') await measureAsync(deferred, Number(secondsText), into);
      else measure(cases[name], Number(secondsText), into);
      process.stdout.write('ok\n');
    } else if (command === 'report') {
      const summary = {
        graphqlJs: version, graphqlJs17: graphql17.version, node: process.version, responseBytes,
        full: summarize(rounds.full), parse: summarize(rounds.parse), defer: rounds.defer.samples.length ? summarize(rounds.defer) : null,
      };
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
await measureAsync(deferred, warmup / 2);
const deferResult = await measureAsync(deferred, seconds);
process.stdout.write(
  JSON.stringify({ graphqlJs: version, graphqlJs17: graphql17.version, node: process.version, responseBytes, full: fullResult, parse: parseResult, defer: deferResult }) + '\n',
);
