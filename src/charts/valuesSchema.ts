// Validating Helm values against a chart's values.schema.json with ajv: draft-07 (ajv's default), 2019-09
// and 2020-12 schemas by their $schema; remote $refs (http/https) fetched through the registry room's HTTP;
// formats not asserted (Go's jsonschema v6 treats "format" as an annotation too); unknown keywords allowed
// (chart schemas carry editor hints). Each problem is one line: "<path>: <message>", path ".a.b" or (root).
import { UserError } from '../errors';

export interface SchemaProblem {
  path: string;
  message: string;
}

const maxSchemaBytes = 10 * 1024 * 1024;

async function fetchJson(url: string): Promise<object> {
  const { httpRequest } = await import('../registry');
  const res = await httpRequest(url, { maxBytes: maxSchemaBytes, timeoutMs: 30_000 });
  if (res.status !== 200) throw new UserError(`fetching the values schema ${url} failed: the server answered ${res.status}`);
  try {
    const parsed = JSON.parse(res.body.toString('utf8')) as unknown;
    if (parsed && typeof parsed === 'object') return parsed;
  } catch {
    // below
  }
  throw new UserError(`the values schema ${url} is not JSON`);
}

function ajvFor(schema: object): import('ajv').default {
  const $schema = String((schema as { $schema?: unknown }).$schema ?? '');
  const options = { allErrors: true, strict: false, validateFormats: false, loadSchema: fetchJson } as const;
  const { Ajv, Ajv2019, Ajv2020 } = (require('../vendor') as typeof import('../vendor')).ajvClasses();
  if ($schema.includes('2020-12')) return new Ajv2020(options) as unknown as import('ajv').default;
  if ($schema.includes('2019-09')) return new Ajv2019(options) as unknown as import('ajv').default;
  return new Ajv(options);
}

/** The problems of `values` against `schema` (a parsed values.schema.json); [] when they match. */
export async function validateValues(values: unknown, schema: object, source: string): Promise<SchemaProblem[]> {
  let validate: import('ajv').ValidateFunction;
  try {
    validate = await ajvFor(schema).compileAsync(schema);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`the values schema ${source} cannot be used: ${(err as Error).message.split('\n')[0]}`);
  }
  if (validate(values)) return [];
  return (validate.errors ?? []).map((e) => ({
    path: e.instancePath ? e.instancePath.replace(/\//g, '.') : '(root)',
    message: e.message ?? e.keyword,
  }));
}

/** Fetches a schema by URL (the chart's io.giantswarm.application.values-schema annotation) and validates. */
export async function validateValuesAgainstUrl(values: unknown, url: string): Promise<SchemaProblem[]> {
  return validateValues(values, await fetchJson(url), url);
}
