// YAML as the tool prints it (kubectl's layout, as far as a YAML 1.2 emitter allows): keys sorted at every
// level, sequences not indented under their key, double quotes where quoting is needed, no line folding.
// js-yaml's dump with those options is the definition. Loading js-yaml and running its dump were ~9 M
// instructions (about 6 %) of `template cluster` under callgrind, so documents made only of what the
// tool's templates and objects are made of (maps, lists, whole numbers, booleans, null, and strings of
// a plain or literal-block kind) are written here, byte for byte as js-yaml writes them (checked against
// it by test/unit/yamlDump.test.ts); anything else goes to js-yaml, whole.
import type { DumpOptions } from 'js-yaml';

const options: DumpOptions = { sortKeys: true, noArrayIndent: true, lineWidth: -1, quotingType: '"', noRefs: true };

/** One value as a YAML document (no "---"), ending in a newline. */
export function dumpYaml(value: unknown): string {
  const fast = emitDocument(value);
  if (fast !== undefined) return fast;
  return (require('js-yaml') as typeof import('js-yaml')).dump(value, options);
}

const NOT_SURE = Symbol('not sure');

/** The document as js-yaml would write it, or undefined where this emitter is not certain. */
export function emitDocument(value: unknown): string | undefined {
  try {
    if (isCollection(value) && !isEmpty(value)) return block(value, 0);
    return `${inline(value)}\n`;
  } catch (err) {
    if (err === NOT_SURE) return undefined;
    throw err;
  }
}

function notSure(): never {
  throw NOT_SURE;
}

type Collection = Record<string, unknown> | unknown[];

function isCollection(value: unknown): value is Collection {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? true : notSure();
}

function isEmpty(value: Collection): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** A collection written as block lines at `indent`, each line ending in a newline. */
function block(value: Collection, indent: number): string {
  const pad = ' '.repeat(indent);
  let out = '';
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item === undefined || typeof item === 'function') notSure();
      if (isCollection(item) && !isEmpty(item)) {
        // "- " then the item's first line; its other lines two spaces in.
        out += `${pad}- ${block(item, indent + 2).slice(indent + 2)}`;
      } else {
        out += `${pad}- ${scalarAfterIndicator(item, indent)}\n`;
      }
    }
    return out;
  }
  for (const key of Object.keys(value).sort()) {
    const item = value[key];
    // js-yaml leaves out undefined and functions (skipInvalid is off: it would throw); not worth copying.
    if (item === undefined || typeof item === 'function') notSure();
    const k = plainKey(key);
    if (isCollection(item) && !isEmpty(item)) {
      // Sequences sit at the key's own indentation (noArrayIndent); maps two spaces in.
      out += `${pad}${k}:\n${block(item, Array.isArray(item) ? indent : indent + 2)}`;
    } else {
      out += `${pad}${k}: ${scalarAfterIndicator(item, indent)}\n`;
    }
  }
  return out;
}

/** A scalar or empty collection after "key: " or "- ", at a block whose lines start at `indent`. */
function scalarAfterIndicator(value: unknown, indent: number): string {
  if (typeof value === 'string' && value.includes('\n')) return literalBlock(value, indent + 2);
  return inline(value);
}

function inline(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : notSure();
  if (typeof value === 'string') return plainString(value);
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isCollection(value) && isEmpty(value)) return '{}';
  return notSure();
}

// A string js-yaml writes plain: it starts with a letter, holds only letters, digits, spaces and
// `_ - . /`, and does not end in a space. Such a string cannot be read back as a number, timestamp or
// anything else but the words below; every other string goes to js-yaml.
const PLAIN = /^[A-Za-z][A-Za-z0-9_\-./ ]*$/;
// YAML 1.2's null and booleans, and YAML 1.1's booleans, which js-yaml quotes for older readers.
const RESERVED = new Set([
  'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE',
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF',
]);

// Versions and addresses ("31.1.0", "10.0.0.0/16"): two dots or more, so no number, and no colon or
// space, so no timestamp; js-yaml writes them plain too.
const DOTTED = /^[0-9][0-9A-Za-z_\-/]*\.[0-9A-Za-z_\-/]*\.[0-9A-Za-z_\-./]*$/;

// What Kubernetes objects hold besides: RFC 3339 times and whole numbers in strings, which js-yaml must
// double-quote (its timestamp and int types would read them back otherwise), and uids, which it writes plain.
const QUOTED = /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z|0|[1-9][0-9]{0,15})$/;
const UID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function plainString(value: string): string {
  if (value === '') return '""';
  if (QUOTED.test(value)) return `"${value}"`;
  if (DOTTED.test(value) || UID.test(value)) return value;
  if (!PLAIN.test(value) || value.endsWith(' ') || RESERVED.has(value)) notSure();
  return value;
}

function plainKey(key: string): string {
  // js-yaml writes a key over 1024 characters as an explicit "? " key.
  return key.length > 1024 ? notSure() : plainString(key);
}

// Lines of a literal block: printable ASCII only, as far as this emitter goes (js-yaml quotes a text with tabs).
const LITERAL_LINE = /^[\x20-\x7e]*$/;

/** A multi-line string as a literal block ("|", "|-" or "|+"), its lines at `indent`. */
function literalBlock(value: string, indent: number): string {
  // js-yaml needs an indentation indicator when the text starts with a space or a newline; and it
  // double-quotes lines that end in spaces. Both rare in what the tool prints: left to js-yaml.
  if (value.startsWith(' ') || value.startsWith('\n')) notSure();
  const lines = value.split('\n');
  for (const line of lines) if (!LITERAL_LINE.test(line) || line.endsWith(' ')) notSure();
  const chomp = !value.endsWith('\n') ? '-' : value.endsWith('\n\n') ? '+' : '';
  const body = value.endsWith('\n') ? lines.slice(0, -1) : lines;
  const pad = ' '.repeat(indent);
  return `|${chomp}\n${body.map((line) => (line === '' ? '' : pad + line)).join('\n')}`;
}
