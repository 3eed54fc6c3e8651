// `-o go-template=TEMPLATE` for kubectl gs: Go's text/template as kubectl's GoTemplatePrinter runs
// it (template named "output", kubectl's extra functions exists and base64decode, missingkey=default
// or =error from --allow-missing-template-keys). Pure: compile once, then call per object.

import { FUNC_NAMES } from './funcs';
import { execute, TemplateExecError } from './exec';
import { goQuote } from '../goStrings';
import { parseTemplate, TemplateParseError } from './parse';

const TEMPLATE_NAME = 'output';

/**
 * A parse or execution error. `message` is what kubectl prints after "error: ";
 * `goMessage` is text/template's own error text.
 */
export class GoTemplateError extends Error {
  constructor(
    message: string,
    readonly kind: 'parse' | 'exec',
    readonly goMessage: string,
  ) {
    super(message);
    this.name = 'GoTemplateError';
  }
}

/**
 * Compiles TEMPLATE (throws GoTemplateError on a parse error) into a function that renders one
 * JSON-decoded object; with allowMissingKeys false a missing map key is an error instead of
 * printing "<no value>".
 */
export function compileGoTemplate(template: string): (data: unknown, allowMissingKeys: boolean) => string {
  let parsed;
  try {
    parsed = parseTemplate(template, TEMPLATE_NAME, FUNC_NAMES);
  } catch (e) {
    if (e instanceof TemplateParseError) {
      throw new GoTemplateError(`error parsing template ${template}, ${e.message}`, 'parse', e.message);
    }
    throw e;
  }
  const { root, defined } = parsed;
  const base = { text: template, name: TEMPLATE_NAME, defined };
  const strict = { ...base, missingKeyError: true };
  const lenient = { ...base, missingKeyError: false };
  return (data, allowMissingKeys) => {
    try {
      return execute(root, allowMissingKeys ? lenient : strict, data);
    } catch (e) {
      if (e instanceof TemplateExecError) {
        // kubectl also prints the partial output and a dump of the whole object (megabytes for a long
        // list); the one line says what is wrong, so it is all the caller prints.
        throw new GoTemplateError(`error executing template ${goQuote(template)}: ${e.message}`, 'exec', e.message);
      }
      throw e;
    }
  };
}
