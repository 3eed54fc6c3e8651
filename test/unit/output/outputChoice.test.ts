import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../src/cli/errors';
import { getFormats, parseOutputChoice } from '../../../src/output/outputChoice';

const allowed = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

describe('parseOutputChoice', () => {
  it('takes no -o as the table, and json, yaml, name as themselves', () => {
    expect(parseOutputChoice({})).toEqual({ format: 'table' });
    expect(parseOutputChoice({ output: '' })).toEqual({ format: 'table' });
    for (const f of ['json', 'yaml', 'name']) expect(parseOutputChoice({ output: f })).toEqual({ format: f });
  });

  it('names every format a get takes when the value matches none, as kubectl does', () => {
    expect(() => parseOutputChoice({ output: 'wide' })).toThrow(`unable to match a printer suitable for the output format "wide", allowed formats are: ${allowed}`);
    expect(() => parseOutputChoice({ output: 'table' })).toThrow(UserError);
    expect(() => parseOutputChoice({ output: 'custom-columns=NAME:.metadata.name' })).toThrow('output format "custom-columns=NAME:.metadata.name"');
    expect([...getFormats].sort().join(',')).toBe(allowed);
  });

  it('honours a narrower list of formats', () => {
    expect(() => parseOutputChoice({ output: 'jsonpath={.x}' }, ['json', 'yaml'])).toThrow('allowed formats are: json,yaml');
    expect(() => parseOutputChoice({ output: 'name' }, ['json', 'yaml'])).toThrow('output format "name"');
  });

  it('wants a template for a template format, from -o NAME=T or --template', () => {
    for (const output of ['jsonpath', 'jsonpath=', 'go-template', 'template', 'go-template-file']) {
      expect(() => parseOutputChoice({ output })).toThrow('template format specified but no template given');
    }
  });

  it('with --template, -o must name the format alone (kubectl reads "jsonpath=x" as a format name then)', () => {
    expect(() => parseOutputChoice({ output: 'jsonpath={.a}', template: '{.b}' })).toThrow('output format "jsonpath={.a}"');
  });

  it('says which template file cannot be read', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'tpl-')), 'nope.tpl');
    expect(() => parseOutputChoice({ output: `jsonpath-file=${missing}` })).toThrow(`error reading --template ${missing}, open ${missing}: no such file or directory`);
    expect(() => parseOutputChoice({ output: 'templatefile', template: missing })).toThrow(`error reading --template ${missing}`);
  });

  it('reads a template file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tpl-')), 'names.tpl');
    writeFileSync(file, '{.metadata.name}');
    const choice = parseOutputChoice({ output: `jsonpath-file=${file}` });
    expect(choice.format).toBe('template');
    expect(choice.render!({ metadata: { name: 'n1' } })).toBe('n1');
  });
});
