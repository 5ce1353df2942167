// Builds the executable oracle schema: schema.graphql + fixture.json + the resolvers described in
// ../README.md. The C# side (OracleSchema.cs) binds the same resolvers to TaskForge.GraphQL.
import { readFileSync } from 'node:fs';
import * as graphql16 from 'graphql';

const dateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

// Errors are plain TypeErrors, so graphql-js wraps them with its own context (and locations) as for any scalar.
function checkDateTime(value) {
  if (typeof value !== 'string') {
    throw new TypeError('DateTime cannot represent a non-string value.');
  }
  if (!dateTimePattern.test(value)) {
    throw new TypeError(`DateTime cannot represent value: ${JSON.stringify(value)}`);
  }
  return value;
}

function fail(value) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && '$error' in value) {
    throw new Error(value.$error);
  }
  return value;
}

export function defaultFieldResolver(source, _args, _context, info) {
  return fail(source[info.fieldName]);
}

// graphqlModule: graphql-js 16 by default; incremental-oracle.mjs passes graphql-js 17 and the SDL of @defer/@stream.
export function buildOracleSchema(sdlPath, fixturePath, graphqlModule = graphql16, extraSdl = '') {
  const { buildSchema, Kind, valueFromASTUntyped } = graphqlModule;
  const schema = buildSchema(readFileSync(sdlPath, 'utf8') + extraSdl);
  const data = JSON.parse(readFileSync(fixturePath, 'utf8'));
  const characterById = (id) => data.characters.find((c) => c.id === id) ?? null;
  const starshipById = (id) => data.starships.find((s) => s.id === id) ?? null;
  const ofType = (typename) => (_, { id }) => {
    const c = characterById(id);
    return c?.__typename === typename ? c : null;
  };
  const inUnit = (field) => (source, { unit }) => {
    const meters = fail(source[field]);
    if (meters === null || meters === undefined) return null;
    return unit === 'FOOT' ? meters * 3.28084 : meters;
  };
  const echo = (_, args) => args;

  const dateTime = schema.getType('DateTime');
  dateTime.serialize = checkDateTime;
  dateTime.parseValue = checkDateTime;
  dateTime.parseLiteral = (ast) => checkDateTime(ast.kind === Kind.STRING ? ast.value : null);
  const json = schema.getType('JSON');
  json.serialize = (v) => v;
  json.parseValue = (v) => v;
  json.parseLiteral = (ast, variables) => valueFromASTUntyped(ast, variables);

  const resolvers = {
    Query: {
      hero: (_, { episode }) => characterById(data.heroes[episode]),
      human: ofType('Human'),
      droid: ofType('Droid'),
      character: (_, { by }) =>
        by.id !== undefined ? characterById(by.id) : (data.characters.find((c) => c.name === by.name) ?? null),
      characters: (_, { filter }) => {
        if (!filter) return data.characters;
        const matches = data.characters.filter(
          (c) =>
            (filter.nameContains == null || (typeof c.name === 'string' && c.name.includes(filter.nameContains))) &&
            (filter.episode == null || c.appearsIn.includes(filter.episode)),
        );
        return filter.limit == null ? matches : matches.slice(0, Math.max(0, filter.limit));
      },
      search: (_, { text }) =>
        [...data.characters, ...data.starships].filter((x) => typeof x.name === 'string' && x.name.includes(text)),
      node: (_, { id }) => characterById(id) ?? starshipById(id),
      starships: () => data.starships,
      reviews: (_, { episode }) => data.reviews.filter((r) => r.episode === episode),
      echo,
      withDefaults: echo,
    },
    Human: {
      friends: (source) => source.friends.map(characterById),
      starships: (source) => source.starships.map((id) => (id === null ? null : starshipById(id))),
      height: inUnit('height'),
    },
    Droid: {
      friends: (source) => source.friends.map(characterById),
    },
    Starship: {
      length: inUnit('length'),
    },
    Mutation: {
      createReview: (_, { episode, review }) => ({
        episode: episode ?? null,
        stars: review.stars,
        commentary: review.commentary ?? null,
        tags: review.tags ?? null,
      }),
      rename: (_, { id, name }) => {
        if (name === '') throw new Error('Name must not be empty.');
        const c = characterById(id);
        return c === null ? null : { ...c, name };
      },
    },
  };
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const typeFields = schema.getType(typeName).getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) {
      typeFields[fieldName].resolve = resolve;
    }
  }
  return { schema, rootValue: data.root };
}
