// A small JSON-schema validator for the subset the chart value schemas in ./chartSchemas.ts use:
// type, required, properties, additionalProperties, patternProperties, enum, pattern, minimum,
// maximum, exclusiveMinimum, minLength, maxLength, items, minItems, maxItems. It checks the values
// a template emits before they are written, so a cluster never gets values its chart would reject.

export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

export interface Schema {
  type?: JsonType | JsonType[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
}

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function typeMatches(actual: JsonType, wanted: JsonType): boolean {
  return actual === wanted || (wanted === 'number' && actual === 'integer');
}

/** Returns one line per violation, each starting with the dotted path of the offending value. */
export function validateSchema(value: unknown, schema: Schema, path = ''): string[] {
  const where = path || '(root)';
  const problems: string[] = [];
  const actual = typeOf(value);
  if (schema.type) {
    const wanted = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!wanted.some((t) => typeMatches(actual, t))) return [`${where}: is ${actual}, the chart expects ${wanted.join(' or ')}`];
  }
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    problems.push(`${where}: ${JSON.stringify(value)} is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
      problems.push(`${where}: ${JSON.stringify(value)} does not match the pattern ${schema.pattern}`);
    }
    if (schema.minLength !== undefined && [...value].length < schema.minLength) problems.push(`${where}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) problems.push(`${where}: longer than ${schema.maxLength}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${where}: ${value} is less than ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${where}: ${value} is more than ${schema.maximum}`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
      problems.push(`${where}: ${value} must be more than ${schema.exclusiveMinimum}`);
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${where}: has fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${where}: has more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((item, i) => problems.push(...validateSchema(item, schema.items!, `${path}[${i}]`)));
  }
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) problems.push(`${where}: missing required key "${key}"`);
    for (const [key, child] of Object.entries(obj)) {
      const childPath = path ? `${path}.${key}` : key;
      let matched = false;
      if (schema.properties && key in schema.properties) {
        matched = true;
        problems.push(...validateSchema(child, schema.properties[key], childPath));
      }
      for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
        if (new RegExp(pattern, 'u').test(key)) {
          matched = true;
          problems.push(...validateSchema(child, sub, childPath));
        }
      }
      if (!matched) {
        if (schema.additionalProperties === false) problems.push(`${childPath}: the chart does not accept this key`);
        else if (typeof schema.additionalProperties === 'object') problems.push(...validateSchema(child, schema.additionalProperties, childPath));
      }
    }
  }
  // A key can match both a property and a pattern property; report each violation once.
  return path === '' ? [...new Set(problems)] : problems;
}
