// Usage: node introspection.mjs query            prints graphql-js's getIntrospectionQuery with every option on
//        node introspection.mjs print < result   reads an introspection result ({"data": {...}} or the data
//                                                 itself), runs buildClientSchema and prints printSchema of it
//        node introspection.mjs sdl <file>        prints printSchema(buildSchema(file)), graphql-js's own printing
import { readFileSync } from 'node:fs';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema } from 'graphql';

const [mode, file] = process.argv.slice(2);
if (mode === 'query') {
  process.stdout.write(
    getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    }),
  );
} else if (mode === 'print') {
  const result = JSON.parse(readFileSync(0, 'utf8'));
  process.stdout.write(printSchema(buildClientSchema(result.data ?? result)) + '\n');
} else if (mode === 'sdl' && file) {
  process.stdout.write(printSchema(buildSchema(readFileSync(file, 'utf8'))) + '\n');
} else {
  console.error('usage: node introspection.mjs query | print < result.json | sdl <file>');
  process.exit(2);
}
