// Usage: node rules.mjs — prints the names of graphql-js's specifiedRules (without the "Rule" suffix) as JSON.
import { specifiedRules } from 'graphql';

process.stdout.write(JSON.stringify(specifiedRules.map((rule) => rule.name.replace(/Rule$/, ''))) + '\n');
