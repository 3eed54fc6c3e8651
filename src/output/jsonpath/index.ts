// kubectl's `-o jsonpath=TEMPLATE` as a pure function: compile once, run on each value to print.
// Errors carry kubectl's wording, on one line, so the caller only prefixes "error: " (and ends the line).

import { goQuote } from '../goStrings';
import { evaluate, JsonPathEvalError } from './evaluate';
import { JsonPathSyntaxError, parseTemplate } from './parse';

/**
 * A template kubectl would reject (`phase` "parse", thrown by compileJsonPath) or a failed run
 * (`phase` "execute", thrown by the compiled function). `message` is kubectl's text after "error: ":
 *   parse:   error parsing jsonpath TEMPLATE, REASON
 *   execute: error executing jsonpath "TEMPLATE": Error executing template: REASON
 * kubectl follows the execute line with the template again and a Go dump of the whole object, which for a
 * list of thousands is megabytes on stderr; the first line says what is wrong, so it is all we print.
 * `reason` is the short cause, e.g. "unclosed action" or "name is not found". An empty template
 * fails with kubectl's "template format specified but no template given" as the whole message.
 */
export class JsonPathError extends Error {
  constructor(
    message: string,
    readonly phase: 'parse' | 'execute',
    readonly reason: string,
    readonly template: string,
  ) {
    super(message);
    this.name = 'JsonPathError';
  }
}

export type JsonPathProgram = (data: unknown, allowMissingKeys: boolean) => string;

/**
 * Parses TEMPLATE (throwing JsonPathError on bad syntax) and returns the function that prints data with it;
 * `asJson` prints each result list as an indented JSON array instead (-o jsonpath-as-json).
 */
export function compileJsonPath(template: string, asJson = false): JsonPathProgram {
  // kubectl's flag handling refuses `-o jsonpath=` with nothing after it before parsing anything.
  if (template === '') {
    const reason = 'template format specified but no template given';
    throw new JsonPathError(reason, 'parse', reason, template);
  }
  let root;
  try {
    root = parseTemplate(template);
  } catch (e) {
    if (!(e instanceof JsonPathSyntaxError)) throw e;
    throw new JsonPathError(`error parsing jsonpath ${template}, ${e.reason}`, 'parse', e.reason, template);
  }
  return (data, allowMissingKeys) => {
    try {
      return evaluate(root, data, allowMissingKeys, asJson);
    } catch (e) {
      if (!(e instanceof JsonPathEvalError)) throw e;
      const message = `error executing jsonpath ${goQuote(template)}: Error executing template: ${e.reason}`;
      throw new JsonPathError(message, 'execute', e.reason, template);
    }
  };
}
