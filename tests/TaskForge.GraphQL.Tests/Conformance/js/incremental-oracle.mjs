// Usage: node incremental-oracle.mjs <schema.graphql> <fixture.json> <corpus-folder>
// Runs every <name>.graphql of the incremental corpus (with an optional <name>.json holding variables and
// operationName) through graphql-js 17's experimentalExecuteIncrementally over the oracle schema plus @defer and
// @stream, and prints per document: the validation errors, or every part of the response in order.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as graphql17 from 'graphql17';
import { buildOracleSchema, defaultFieldResolver } from './oracle-schema.mjs';

const { parse, validate, experimentalExecuteIncrementally, GraphQLSchema, GraphQLDeferDirective, GraphQLStreamDirective, specifiedDirectives } = graphql17;
const [sdlPath, fixturePath, corpus] = process.argv.slice(2);
if (!corpus) {
  console.error('usage: node incremental-oracle.mjs <schema.graphql> <fixture.json> <corpus-folder>');
  process.exit(2);
}
const built = buildOracleSchema(sdlPath, fixturePath, graphql17);
const schema = new GraphQLSchema({
  ...built.schema.toConfig(),
  directives: [...specifiedDirectives, GraphQLDeferDirective, GraphQLStreamDirective],
});
const errorJson = (e) => ({ message: e.message, ...(e.locations ? { locations: e.locations } : {}), ...(e.path ? { path: e.path } : {}) });

async function run(file) {
  const text = readFileSync(join(corpus, file), 'utf8');
  const sidecar = join(corpus, file.replace(/\.graphql$/, '.json'));
  const request = existsSync(sidecar) ? JSON.parse(readFileSync(sidecar, 'utf8')) : {};
  const document = parse(text);
  const validation = validate(schema, document).map(errorJson);
  if (validation.length > 0) return { document: file, validation };
  const result = await experimentalExecuteIncrementally({
    schema,
    document,
    rootValue: built.rootValue,
    variableValues: request.variables,
    operationName: request.operationName,
    fieldResolver: defaultFieldResolver,
  });
  const parts = [];
  const formatted = (r) => JSON.parse(JSON.stringify(r, (key, value) => (value instanceof Error ? errorJson(value) : value)));
  if ('initialResult' in result) {
    parts.push(formatted(result.initialResult));
    for await (const part of result.subsequentResults) parts.push(formatted(part));
  } else {
    parts.push(formatted(result));
  }
  return { document: file, validation: [], parts };
}

const files = readdirSync(corpus).filter((f) => f.endsWith('.graphql')).sort();
const results = [];
for (const file of files) results.push(await run(file));
process.stdout.write(JSON.stringify(results) + '\n');
