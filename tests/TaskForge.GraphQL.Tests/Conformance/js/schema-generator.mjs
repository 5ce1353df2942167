// Deterministic random SDL documents for the schema oracle (schema-oracle.mjs).
// generateValid(seed) writes a schema that should build: objects, interfaces (also implementing interfaces),
// unions, enums, input objects (some @oneOf), custom scalars, custom directives applied where they may be,
// descriptions (plain and block strings), deprecations, default values, definitions split into extensions
// placed before or after the definition, schema definitions and extensions, and redefinitions of the built-in
// directives and scalars (identical ones, and ones that differ from the built-in).
// generateInvalid(seed) takes a valid one and breaks it in one of many ways; both engines must reject it.

export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, chance: (p) => next() < p, pick: (list) => list[int(list.length)] };
}

const builtInDirectives = {
  include: ['"Directs the executor to include this field or fragment only when the `if` argument is true."',
    'directive @include("Included when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT'],
  skip: ['"Directs the executor to skip this field or fragment when the `if` argument is true."',
    'directive @skip("Skipped when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT'],
  specifiedBy: ['"Exposes a URL that specifies the behavior of this scalar."',
    'directive @specifiedBy("The URL that specifies the behavior of this scalar." url: String!) on SCALAR'],
  oneOf: ['"Indicates exactly one field must be supplied and this field must not be `null`."',
    'directive @oneOf on INPUT_OBJECT'],
};

const differingDirectives = [
  'directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT',
  'directive @include(if: Boolean!) on FIELD',
  'directive @deprecated(reason: String = "No longer supported") on FIELD_DEFINITION | ENUM_VALUE | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION',
  '"Gone." directive @deprecated(reason: String = "Gone") on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE | OBJECT',
  'directive @specifiedBy(url: String!) on SCALAR',
  'directive @oneOf on INPUT_OBJECT | OBJECT',
  'directive @skip(if: Boolean! = false) repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT',
];

const texts = ['plain words', 'with "quotes" and \\ backslash', 'unicode é ✓ 😀', 'line one\nline two', '  indented\n    more', 'ends with quote"'];

function description(r, indent) {
  if (!r.chance(0.3)) return '';
  const text = r.pick(texts);
  if (r.chance(0.5) && !text.endsWith('"') && !text.includes('\\')) return `${indent}"""\n${indent}${text.replaceAll('\n', `\n${indent}`)}\n${indent}"""\n${indent}`;
  return `${JSON.stringify(text)} `;
}

function wrap(r, name, allowNonNull = true) {
  let type = name;
  if (allowNonNull && r.chance(0.3)) type += '!';
  if (r.chance(0.25)) {
    type = `[${type}]`;
    if (allowNonNull && r.chance(0.3)) type += '!';
  }
  return type;
}

function defaultFor(r, type, model) {
  if (type.endsWith('!') || !r.chance(0.35)) return '';
  const named = type.replace(/[[\]!]/g, '');
  const list = type.startsWith('[');
  let value;
  switch (named) {
    case 'Int': value = String(r.int(100) - 50); break;
    case 'Float': value = r.pick(['1.5', '-0.25', '3', '1e3']); break;
    case 'String': case 'ID': value = JSON.stringify(r.pick(['', 'x', 'a b', 'é'])); break;
    case 'Boolean': value = r.pick(['true', 'false']); break;
    default: {
      const en = model.enums.find((e) => e.name === named);
      if (!en) return '';
      value = r.pick(en.values);
    }
  }
  if (list) value = r.pick([`[${value}]`, value, '[]', 'null']);
  else if (r.chance(0.15)) value = 'null';
  return ` = ${value}`;
}

function appliedDirectives(r, model, location) {
  let out = '';
  for (const d of model.directives) {
    if (!d.locations.includes(location) || !r.chance(0.3)) continue;
    const times = d.repeatable && r.chance(0.5) ? 2 : 1;
    for (let i = 0; i < times; i++) out += d.args && r.chance(0.7) ? ` @${d.name}(tag: ${JSON.stringify(r.pick(['a', 'b']))})` : ` @${d.name}`;
  }
  return out;
}

function buildModel(r) {
  const model = { objects: [], interfaces: [], unions: [], enums: [], inputs: [], scalars: [], directives: [] };
  const nEnums = 1 + r.int(2);
  for (let i = 0; i < nEnums; i++) model.enums.push({ name: `Enum${i}`, values: Array.from({ length: 2 + r.int(3) }, (_, j) => `V${i}_${j}`) });
  const nScalars = r.int(2);
  for (let i = 0; i < nScalars; i++) model.scalars.push({ name: `Scalar${i}` });
  const nDirectives = r.int(3);
  const locationSets = [['FIELD_DEFINITION'], ['OBJECT', 'INTERFACE'], ['ARGUMENT_DEFINITION', 'INPUT_FIELD_DEFINITION'], ['ENUM_VALUE', 'ENUM'], ['SCHEMA', 'SCALAR', 'UNION', 'INPUT_OBJECT'], ['FIELD', 'QUERY']];
  for (let i = 0; i < nDirectives; i++) model.directives.push({ name: `dir${i}`, locations: r.pick(locationSets), repeatable: r.chance(0.3), args: r.chance(0.5) });
  const inputNames = ['Int', 'String', 'Boolean', 'Float', 'ID', ...model.enums.map((e) => e.name), ...model.scalars.map((s) => s.name)];
  const nInputs = r.int(3);
  for (let i = 0; i < nInputs; i++) {
    const oneOf = r.chance(0.3);
    const names = [...inputNames, ...model.inputs.map((x) => x.name)];
    const fields = Array.from({ length: 1 + r.int(3) }, (_, j) => {
      const type = oneOf ? r.pick(names) : wrap(r, r.pick(names));
      return { name: `in${j}`, type, def: oneOf ? '' : defaultFor(r, type, model), deprecated: !type.endsWith('!') && !oneOf && r.chance(0.15) };
    });
    model.inputs.push({ name: `Input${i}`, oneOf, fields });
  }
  const argTypes = [...inputNames, ...model.inputs.map((x) => x.name)];
  const args = () => Array.from({ length: r.chance(0.4) ? 1 + r.int(2) : 0 }, (_, j) => {
    const type = wrap(r, r.pick(argTypes));
    return { name: `arg${j}`, type, def: defaultFor(r, type, model), deprecated: !type.endsWith('!') && r.chance(0.1), desc: description(r, '    ') };
  });
  const nObjects = 2 + r.int(4);
  const objectNames = Array.from({ length: nObjects }, (_, i) => `Object${i}`);
  const nInterfaces = r.int(3);
  const leafNames = [...inputNames.filter((n) => !model.inputs.some((x) => x.name === n))];
  const outputNames = () => [...leafNames, ...objectNames, ...model.interfaces.map((x) => x.name), ...model.unions.map((x) => x.name)];
  const field = (j) => ({ name: `field${j}`, type: wrap(r, r.pick(outputNames())), args: args(), deprecated: r.chance(0.1), desc: description(r, '  ') });
  for (let i = 0; i < nInterfaces; i++) {
    const parent = i > 0 && r.chance(0.4) ? model.interfaces[r.int(i)] : null;
    const own = Array.from({ length: 1 + r.int(3) }, (_, j) => field(`I${i}_${j}`));
    model.interfaces.push({ name: `Interface${i}`, implements: parent ? [...parent.implements, parent.name] : [], fields: [...(parent ? parent.fields : []), ...own] });
  }
  const nUnions = r.int(2);
  for (let i = 0; i < nUnions; i++) {
    model.unions.push({ name: `Union${i}`, members: objectNames.filter(() => r.chance(0.5)).concat([objectNames[0]]).filter((v, k, a) => a.indexOf(v) === k) });
  }
  for (const name of objectNames) {
    const iface = model.interfaces.length && r.chance(0.5) ? r.pick(model.interfaces) : null;
    const own = Array.from({ length: 1 + r.int(4) }, (_, j) => field(j));
    model.objects.push({ name, implements: iface ? [...iface.implements, iface.name] : [], fields: [...(iface ? iface.fields : []), ...own] });
  }
  return model;
}

function printFields(r, model, fields, location) {
  return fields.map((f) => {
    const args = f.args.length ? `(${f.args.map((a) => `${a.desc}${a.name}: ${a.type}${a.def}${a.deprecated ? ' @deprecated' : ''}${appliedDirectives(r, model, 'ARGUMENT_DEFINITION')}`).join(', ')})` : '';
    return `  ${f.desc}${f.name}${args}: ${f.type}${f.deprecated ? ` @deprecated(reason: ${JSON.stringify(r.pick(texts))})` : ''}${appliedDirectives(r, model, location)}`;
  });
}

// Splits members between a definition and extensions, and shuffles where the extensions go.
function split(r, members) {
  if (members.length < 2 || !r.chance(0.5)) return [members];
  const cut = 1 + r.int(members.length - 1);
  return [members.slice(0, cut), members.slice(cut)];
}

export function generateValid(seed) {
  const r = random(seed);
  const model = buildModel(r);
  const blocks = [];
  const ext = [];
  const rootName = r.chance(0.3) ? 'Root' : 'Query';
  const queryFields = [{ name: 'root', type: model.objects[0].name, args: [], deprecated: false, desc: '' }];
  for (const e of model.enums) {
    const [first, rest] = split(r, e.values.map((v) => `  ${description(r, '  ')}${v}${r.chance(0.1) ? ' @deprecated' : ''}${appliedDirectives(r, model, 'ENUM_VALUE')}`));
    blocks.push(`${description(r, '')}enum ${e.name}${appliedDirectives(r, model, 'ENUM')} {\n${first.join('\n')}\n}`);
    if (rest) ext.push(`extend enum ${e.name} {\n${rest.join('\n')}\n}`);
  }
  for (const s of model.scalars) {
    blocks.push(`${description(r, '')}scalar ${s.name}${r.chance(0.4) ? ' @specifiedBy(url: "https://example.com/spec")' : ''}`);
    const applied = appliedDirectives(r, model, 'SCALAR');
    if (applied) ext.push(`extend scalar ${s.name}${applied}`);
  }
  for (const input of model.inputs) {
    const lines = input.fields.map((f) => `  ${f.name}: ${f.type}${f.def}${f.deprecated ? ' @deprecated' : ''}${appliedDirectives(r, model, 'INPUT_FIELD_DEFINITION')}`);
    const [first, rest] = split(r, lines);
    blocks.push(`${description(r, '')}input ${input.name}${input.oneOf ? ' @oneOf' : ''} {\n${first.join('\n')}\n}`);
    if (rest) ext.push(`extend input ${input.name} {\n${rest.join('\n')}\n}`);
  }
  for (const kind of ['interface', 'type']) {
    for (const t of kind === 'type' ? model.objects : model.interfaces) {
      const [first, rest] = split(r, printFields(r, model, t.fields, 'FIELD_DEFINITION'));
      const moveImplements = t.implements.length && rest && r.chance(0.5);
      const impl = t.implements.length && !moveImplements ? ` implements ${t.implements.join(' & ')}` : '';
      blocks.push(`${description(r, '')}${kind} ${t.name}${impl}${appliedDirectives(r, model, kind === 'type' ? 'OBJECT' : 'INTERFACE')} {\n${first.join('\n')}\n}`);
      if (rest) ext.push(`extend ${kind} ${t.name}${moveImplements ? ` implements ${t.implements.join(' & ')}` : ''} {\n${rest.join('\n')}\n}`);
    }
  }
  for (const u of model.unions) {
    const [first, rest] = split(r, u.members);
    blocks.push(`${description(r, '')}union ${u.name}${appliedDirectives(r, model, 'UNION')} = ${first.join(' | ')}`);
    if (rest) ext.push(`extend union ${u.name} = ${rest.join(' | ')}`);
    queryFields.push({ name: `union${u.name}`, type: `[${u.name}]`, args: [], deprecated: false, desc: '' });
  }
  for (const d of model.directives) {
    const args = d.args ? `(tag: String${r.chance(0.5) ? ' = "t"' : ''})` : '';
    blocks.push(`${description(r, '')}directive @${d.name}${args}${d.repeatable ? ' repeatable' : ''} on ${d.locations.join(' | ')}`);
  }
  const [queryFirst, queryRest] = split(r, printFields(r, model, queryFields, 'FIELD_DEFINITION'));
  blocks.push(`type ${rootName} {\n${queryFirst.join('\n')}\n}`);
  if (queryRest) ext.push(`extend type ${rootName} {\n${queryRest.join('\n')}\n}`);
  const mutation = r.chance(0.3);
  if (mutation) blocks.push(`type Mutation${rootName} {\n  doIt(arg: ${model.enums[0].name}): Boolean\n}`);
  const schemaDirective = appliedDirectives(r, model, 'SCHEMA');
  if (rootName === 'Root' || mutation) {
    if (mutation && r.chance(0.5)) {
      blocks.push(`${description(r, '')}schema${schemaDirective} {\n  query: ${rootName}\n}`);
      ext.push(`extend schema {\n  mutation: Mutation${rootName}\n}`);
    } else {
      blocks.push(`${description(r, '')}schema${schemaDirective} {\n  query: ${rootName}${mutation ? `\n  mutation: Mutation${rootName}` : ''}\n}`);
    }
  } else if (schemaDirective) {
    ext.push(`extend schema${schemaDirective}`);
  }
  // Built-ins spelled out, as introspection-to-SDL converters and schema registries print them.
  if (r.chance(0.4)) {
    for (const name of Object.keys(builtInDirectives)) {
      if (r.chance(0.6)) blocks.push(r.chance(0.5) ? builtInDirectives[name].join('\n') : builtInDirectives[name][1]);
    }
    if (r.chance(0.5)) blocks.push('"Marks an element of a GraphQL schema as no longer supported."\ndirective @deprecated(\n  "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/)."\n  reason: String = "No longer supported"\n) on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE');
  } else if (r.chance(0.3)) {
    blocks.push(r.pick(differingDirectives));
  }
  if (r.chance(0.4)) {
    for (const name of ['String', 'Int', 'Float', 'Boolean', 'ID']) {
      if (r.chance(0.5)) blocks.push(`${r.chance(0.5) ? '"Built-in, spelled out." ' : ''}scalar ${name}`);
    }
  }
  const all = [...blocks];
  for (const e of ext) all.splice(r.int(all.length + 1), 0, e);
  return all.join('\n\n') + '\n';
}

const breakers = [
  (sdl) => `${sdl}\ntype Object0 { again: Int }`,
  (sdl) => `${sdl}\nextend type Missing { a: Int }`,
  (sdl) => `${sdl}\nextend enum Object0 { A }`,
  (sdl) => `${sdl}\nextend type Enum0 { a: Int }`,
  (sdl) => `${sdl}\ndirective @skip on FIELD\ndirective @skip on FIELD`,
  (sdl) => `${sdl}\nscalar String\nscalar String`,
  (sdl) => `${sdl}\nextend scalar Int @deprecated`,
  (sdl) => `${sdl}\ntype Extra { a: Unknown }`,
  (sdl) => `${sdl}\ntype Extra implements Object0 { a: Int }`,
  (sdl) => `${sdl}\nunion Bad = Int`,
  (sdl) => `${sdl}\ntype Extra { a(x: Int! @deprecated): Int }`,
  (sdl) => `${sdl}\ndirective @deprecated(reason: String!) on FIELD_DEFINITION\ntype Extra { a: Int @deprecated }`,
  (sdl) => `${sdl}\ndirective @include(if: Boolean!) on FIELD\ntype Extra { a: Int @include(if: true) }`,
  (sdl) => `${sdl}\nextend union Missing = Object0`,
  (sdl) => `${sdl}\nextend input Object0 { a: Int }`,
  (sdl) => `${sdl}\ninterface Face { a: Int }\nextend type Object0 implements Face`,
  (sdl) => `${sdl}\nextend type Object0 { root: Int }\nextend type Object0 { root: Int }`,
  (sdl) => `${sdl}\nenum Enum0 { X }`,
  (sdl) => `${sdl}\nschema { query: Object0 }\nschema { query: Object1 }`,
  (sdl) => `${sdl}\nextend schema { query: Object1 }\nextend schema { query: Object1 }`,
  (sdl) => `${sdl}\ndirective @specifiedBy(url: String!) on SCALAR\nscalar Url @specifiedBy`,
  (sdl) => `${sdl}\ntype Extra { a: Int }\nextend type Extra @skip(if: true)`,
  (sdl) => `${sdl}\ninput In @oneOf { a: Int! }`,
  (sdl) => `${sdl}\ndirective @__x on FIELD`,
  (sdl) => `${sdl}\ndirective @custom on FIELD\ndirective @custom on FIELD`,
  (sdl) => `${sdl}\nextend interface Object0 { a: Int }`,
];

export const breakerCount = breakers.length;

export function generateInvalid(seed) {
  return breakers[seed % breakers.length](generateValid(seed * 7919 + 13));
}
