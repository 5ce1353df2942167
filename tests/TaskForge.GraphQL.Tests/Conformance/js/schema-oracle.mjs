// Usage: node schema-oracle.mjs <schemas-folder> <generated-valid-count> <generated-invalid-count>
// For every <name>.graphql in the folder, and for generated documents (schema-generator.mjs), prints what
// graphql-js's buildSchema + validateSchema make of it: the errors, or printSchema's text, the order of
// __schema.types and the introspection of every directive the SDL itself defines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, validateSchema, printSchema, graphqlSync, parse, Kind } from 'graphql';
import { generateValid, generateInvalid } from './schema-generator.mjs';

const [folder, validCount, invalidCount] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node schema-oracle.mjs <schemas-folder> <generated-valid-count> <generated-invalid-count>');
  process.exit(2);
}

export const introspectionQuery = `{
  __schema {
    types { name }
    directives {
      name description locations isRepeatable
      args(includeDeprecated: true) { name description defaultValue isDeprecated deprecationReason type { ...Ref } }
    }
  }
}
fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

function describe(name, sdl) {
  let schema;
  try {
    schema = buildSchema(sdl);
  } catch (e) {
    return { name, sdl, valid: false, errors: e.message.split('\n\n') };
  }
  const errors = validateSchema(schema);
  if (errors.length > 0) return { name, sdl, valid: false, errors: errors.map((e) => e.message) };
  const defined = parse(sdl).definitions.filter((d) => d.kind === Kind.DIRECTIVE_DEFINITION).map((d) => d.name.value);
  const result = graphqlSync({ schema, source: introspectionQuery });
  return {
    name,
    sdl,
    valid: true,
    printed: printSchema(schema),
    types: result.data.__schema.types.map((t) => t.name),
    directives: result.data.__schema.directives.filter((d) => defined.includes(d.name)),
  };
}

const out = [];
for (const file of readdirSync(folder).filter((f) => f.endsWith('.graphql')).sort()) {
  out.push(describe(file, readFileSync(join(folder, file), 'utf8')));
}
for (let i = 0; i < Number(validCount ?? 0); i++) out.push(describe(`generated-valid-${i}`, generateValid(i)));
for (let i = 0; i < Number(invalidCount ?? 0); i++) out.push(describe(`generated-invalid-${i}`, generateInvalid(i)));
process.stdout.write(JSON.stringify({ introspectionQuery, schemas: out }) + '\n');
