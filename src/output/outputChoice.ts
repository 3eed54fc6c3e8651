// Turns -o/--output, --template and --allow-missing-template-keys into a printer choice, the way kubectl's
// PrintFlags (which the Go kubectl-gs embeds in every `get`) read them:
//   -o json | yaml | name                     the object or List itself, or kind/name lines
//   -o jsonpath=T | jsonpath-file=F            a kubectl JSONPath template (k8s.io/client-go/util/jsonpath)
//   -o jsonpath-as-json=T                      the same, each result list printed as a JSON array
//   -o go-template=T | go-template-file=F      a Go text/template ("template=" and "templatefile=" are aliases)
//   -o jsonpath --template T (and go-template) the template as its own flag; --template alone means go-template
// Everything here is checked before the first request, so a typo never costs a round trip.
import { readFileSync } from 'node:fs';
import { UserError } from '../errors';

export type OutputFormat = 'table' | 'json' | 'yaml' | 'name' | 'template';

/** Renders the object, or the List of objects, that a template format prints. */
export type Render = (data: unknown) => string;

export interface OutputChoice {
  format: OutputFormat;
  /** Set when format is 'template'. */
  render?: Render;
}

export interface OutputFlags {
  output?: string;
  /** --template: the template or template file for a template format given by -o without "=...". */
  template?: string;
  /** --allow-missing-template-keys (kubectl's default: true): a missing key prints nothing / <no value>. */
  allowMissingTemplateKeys?: boolean;
}

type Engine = 'jsonpath' | 'jsonpath-as-json' | 'go-template';

/** The template formats as kubectl names them: which engine, and whether the value names a file. */
const templateFormats: Record<string, { engine: Engine; file: boolean }> = {
  jsonpath: { engine: 'jsonpath', file: false },
  'jsonpath-as-json': { engine: 'jsonpath-as-json', file: false },
  'jsonpath-file': { engine: 'jsonpath', file: true },
  'go-template': { engine: 'go-template', file: false },
  'go-template-file': { engine: 'go-template', file: true },
  template: { engine: 'go-template', file: false },
  templatefile: { engine: 'go-template', file: true },
};

/** The -o values a `get` takes, as kubectl lists them when the value matches none. */
export const getFormats = ['json', 'yaml', 'name', ...Object.keys(templateFormats)];

function noPrinter(value: string, allowed: string[]): UserError {
  const names = [...allowed].sort().join(',');
  return new UserError(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${names}`);
}

/**
 * Reads the output flags; `allowed` lists the -o values the command takes (the table is always allowed, as
 * no -o). Fails with kubectl's wording for an unknown format, a template format without a template, an
 * unreadable template file, or a template that does not parse.
 */
export function parseOutputChoice(flags: OutputFlags, allowed: string[] = getFormats): OutputChoice {
  let value = flags.output ?? '';
  const templateFlag = flags.template ?? '';
  if (value === '' && templateFlag !== '') value = 'go-template';
  if (value === '') return { format: 'table' };
  if (value !== 'table' && ['json', 'yaml', 'name'].includes(value) && allowed.includes(value)) return { format: value as OutputFormat };

  // "-o jsonpath=T": the format name is what comes before the first "=", unless --template carries the template.
  let name = value;
  let template = templateFlag;
  const eq = value.indexOf('=');
  if (templateFlag === '' && eq > 0) {
    name = value.slice(0, eq);
    template = value.slice(eq + 1);
  }
  const known = templateFormats[name];
  if (!known || !allowed.includes(name)) throw noPrinter(value, allowed);
  if (template === '') throw new UserError('template format specified but no template given');
  if (known.file) template = readTemplateFile(template);
  const allowMissing = flags.allowMissingTemplateKeys !== false;
  return { format: 'template', render: compile(known.engine, template, allowMissing) };
}

function readTemplateFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (err as Error).message;
    throw new UserError(`error reading --template ${file}, open ${file}: ${reason}`);
  }
}

/** What a template engine module offers: a compiler, and a test for its own (user-facing) errors. */
interface TemplateEngine {
  compile(template: string): (data: unknown, allowMissingKeys: boolean) => string;
  isOwnError(err: unknown): boolean;
}

/** The engines, loaded only when a template format is asked for. */
const engines: Record<Engine, () => TemplateEngine> = {
  jsonpath: () => {
    const m = require('./jsonpath') as typeof import('./jsonpath');
    return { compile: (t) => m.compileJsonPath(t), isOwnError: (err) => err instanceof m.JsonPathError };
  },
  'jsonpath-as-json': () => {
    const m = require('./jsonpath') as typeof import('./jsonpath');
    return { compile: (t) => m.compileJsonPath(t, true), isOwnError: (err) => err instanceof m.JsonPathError };
  },
  'go-template': () => {
    const m = require('./gotemplate') as typeof import('./gotemplate');
    return { compile: m.compileGoTemplate, isOwnError: (err) => err instanceof m.GoTemplateError };
  },
};

function compile(engine: Engine, template: string, allowMissing: boolean): Render {
  const { compile, isOwnError } = engines[engine]();
  // The engines' own errors are one line in kubectl's words ("error parsing jsonpath ...", "error executing
  // template ..."); anything else is a bug and keeps its stack.
  const userError = (err: unknown): unknown => (isOwnError(err) ? new UserError((err as Error).message) : err);
  let run: ReturnType<TemplateEngine['compile']>;
  try {
    run = compile(template);
  } catch (err) {
    throw userError(err);
  }
  return (data) => {
    try {
      return run(data, allowMissing);
    } catch (err) {
      throw userError(err);
    }
  };
}
