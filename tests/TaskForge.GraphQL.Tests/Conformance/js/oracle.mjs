// Usage: node oracle.mjs <schema.graphql> <fixture.json> <corpus-folder>
// For every <name>.graphql in the corpus (with an optional <name>.json holding
// {"variables": {...}, "operationName": "..."}) prints one JSON object per document:
// the syntax error, or the validation errors of each rule of specifiedRules, or the execution result.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate, execute, specifiedRules, getOperationAST, GraphQLError } from 'graphql';
import { buildOracleSchema, defaultFieldResolver } from './oracle-schema.mjs';

const [sdlPath, fixturePath, corpus] = process.argv.slice(2);
if (!corpus) {
  console.error('usage: node oracle.mjs <schema.graphql> <fixture.json> <corpus-folder>');
  process.exit(2);
}
const { schema, rootValue } = buildOracleSchema(sdlPath, fixturePath);

const errorJson = (e) => {
  const out = { message: e.message };
  if (e.locations) out.locations = e.locations;
  if (e.path) out.path = e.path;
  return out;
};

async function run(file) {
  const text = readFileSync(join(corpus, file), 'utf8');
  const sidecar = join(corpus, file.replace(/\.graphql$/, '.json'));
  const request = existsSync(sidecar) ? JSON.parse(readFileSync(sidecar, 'utf8')) : {};
  let document;
  try {
    document = parse(text);
  } catch (e) {
    if (!(e instanceof GraphQLError)) throw e;
    return { document: file, syntaxError: errorJson(e) };
  }
  const validation = [];
  for (const rule of specifiedRules) {
    for (const e of validate(schema, document, [rule])) {
      validation.push({ rule: rule.name.replace(/Rule$/, ''), ...errorJson(e) });
    }
  }
  if (validation.length > 0) return { document: file, validation };
  const operation = getOperationAST(document, request.operationName);
  if (operation?.operation === 'subscription') return { document: file, validation, execution: 'skipped: subscription' };
  const result = await execute({
    schema,
    document,
    rootValue,
    variableValues: request.variables,
    operationName: request.operationName,
    fieldResolver: defaultFieldResolver,
  });
  const execution = {};
  if (result.errors) execution.errors = result.errors.map(errorJson);
  if ('data' in result) execution.data = result.data;
  return { document: file, validation, execution };
}

const files = readdirSync(corpus).filter((f) => f.endsWith('.graphql')).sort();
const results = [];
for (const file of files) results.push(await run(file));
process.stdout.write(JSON.stringify(results, null, 1) + '\n');
