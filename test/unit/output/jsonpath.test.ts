import { compileJsonPath, JsonPathError } from '../../../src/output/jsonpath';

// Every expected output below was produced by kubectl v1.32 itself (kubectl label --local -o
// jsonpath=… on the same object), then copied here; the tests do not run kubectl.

const cluster = {
  "apiVersion": "cluster.x-k8s.io/v1beta1",
  "kind": "Cluster",
  "metadata": {
    "name": "demo",
    "namespace": "org-acme",
    "labels": {
      "z": "1",
      "app.kubernetes.io/name": "web",
      "release.giantswarm.io/version": "25.1.0"
    }
  },
  "spec": {
    "replicas": 3,
    "ratio": 1.5,
    "big": 1000000.5,
    "tiny": 0.00001,
    "paused": false,
    "nothing": null,
    "html": "<a&b>",
    "tags": [
      "a",
      "b",
      "c",
      "d",
      "e"
    ],
    "empty": [],
    "machines": [
      {
        "name": "m1",
        "cpu": 2,
        "load": 0.5,
        "ready": true,
        "zones": [
          "x",
          "y"
        ]
      },
      {
        "name": "m2",
        "cpu": 4,
        "load": 1.5,
        "ready": false
      },
      {
        "name": "m3",
        "cpu": 8,
        "load": 2.5,
        "note": null,
        "zones": []
      }
    ],
    "meta": {
      "k": "v"
    }
  }
};

type Outcome = string | { parse: string } | { exec: string };
const parse = (reason: string): Outcome => ({ parse: reason });
const exec = (reason: string): Outcome => ({ exec: reason });

/** What kubectl would show: the output, or which kind of error with which reason. */
function outcome(template: string, data: unknown = cluster, allowMissingKeys = true): Outcome {
  try {
    return compileJsonPath(template)(data, allowMissingKeys);
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return e.phase === 'parse' ? { parse: e.reason } : { exec: e.reason };
  }
}

const table = (rows: [string, Outcome][]) => rows;

describe('compileJsonPath: fields, text and printed values', () => {
  it.each(table([
    ["plain text", "plain text"],
    ["name: {.metadata.name}!", "name: demo!"],
    ["{.metadata.name}", "demo"],
    ["{$.metadata.namespace}", "org-acme"],
    ["{@.kind}", "Cluster"],
    ["{.metadata.labels.app\\.kubernetes\\.io/name}", "web"],
    ["{.metadata['name']}", "demo"],
    ["{['kind']}", "Cluster"],
    ["{.spec.meta.*}", "v"],
    ["{.spec.machines[*].name}", "m1 m2 m3"],
    ["{.spec.machines[*].zones}", "[\"x\",\"y\"] []"],
    ["{.spec.meta}", "{\"k\":\"v\"}"],
    ["{.spec.nothing}", "null"],
    ["{.spec.paused} {.spec.replicas} {.spec.ratio} {.spec.big} {.spec.tiny}", "false 3 1.5 1.0000005e+06 1e-05"],
    ["{.spec.html}|{.spec}", "<a&b>|{\"big\":1000000.5,\"empty\":[],\"html\":\"\\u003ca\\u0026b\\u003e\",\"machines\":[{\"cpu\":2,\"load\":0.5,\"name\":\"m1\",\"ready\":true,\"zones\":[\"x\",\"y\"]},{\"cpu\":4,\"load\":1.5,\"name\":\"m2\",\"ready\":false},{\"cpu\":8,\"load\":2.5,\"name\":\"m3\",\"note\":null,\"zones\":[]}],\"meta\":{\"k\":\"v\"},\"nothing\":null,\"paused\":false,\"ratio\":1.5,\"replicas\":3,\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\"],\"tiny\":0.00001}"],
    ["{.kind}}", "Cluster}"],
    ["{ .kind }", "Cluster"],
  ]))('%j', (template, expected) => {
    expect(outcome(template)).toEqual(expected);
  });
});

describe('compileJsonPath: array indexes, slices, unions', () => {
  it.each(table([
    ["{.spec.tags[0]}", "a"],
    ["{.spec.tags[-1]}", "e"],
    ["{.spec.tags[1:3]}", "b c"],
    ["{.spec.tags[::2]}", "a c e"],
    ["{.spec.tags[1:4:2]}", "b d"],
    ["{.spec.tags[-2:]}", "d e"],
    ["{.spec.tags[:-3]}", "a b"],
    ["{.spec.tags[0,2]}", "a c"],
    ["{.spec.tags[-1, 0]}", "e a"],
    ["{.spec.tags[*]}", "a b c d e"],
    ["{.spec.tags[2:2]}", ""],
    ["{.spec.empty[*]}", ""],
    ["{.spec.machines[*]['name','cpu']}", "m1 m2 m3 2 4 8"],
    ["{.spec.tags[]}", "a"],
    ["{.spec.machines[0].zones[1]}", "y"],
  ]))('%j', (template, expected) => {
    expect(outcome(template)).toEqual(expected);
  });
});

describe('compileJsonPath: filters', () => {
  it.each(table([
    ["{.spec.machines[?(@.name==\"m2\")].cpu}", "4"],
    ["{.spec.machines[?(@.name=='m2')].cpu}", "4"],
    ["{.spec.machines[?(@.name!=\"m2\")].name}", "m1 m3"],
    ["{.spec.machines[?(@.cpu>2)].name}", "m2 m3"],
    ["{.spec.machines[?(@.cpu>=4)].name}", "m2 m3"],
    ["{.spec.machines[?(@.cpu<4)].name}", "m1"],
    ["{.spec.machines[?(@.cpu<=4)].name}", "m1 m2"],
    ["{.spec.machines[?(@.load>1.0)].name}", "m2 m3"],
    ["{.spec.machines[?(@.name<\"m2\")].name}", "m1"],
    ["{.spec.machines[?(@.ready==true)].name}", "m1"],
    ["{.spec.machines[?(@.ready==false)].name}", "m2"],
    ["{.spec.machines[?(@.ready)].name}", "m1 m2"],
    ["{.spec.machines[?(@.zones)].name}", "m1 m3"],
    ["{.spec.machines[?(@.note)].name}", "m3"],
    ["{.spec.machines[?(@.missing==\"x\")].name}", ""],
    ["{.spec.machines[?( @.cpu == 8 )].name}", "m3"],
    ["{.spec.tags[?(@>\"c\")]}", "d e"],
    ["{.spec.machines[?(@.name==\"m1\")]}", "{\"cpu\":2,\"load\":0.5,\"name\":\"m1\",\"ready\":true,\"zones\":[\"x\",\"y\"]}"],
    ["{.spec.machines[?(@.zones[5])].name}", "m1 m3"],
  ]))('%j', (template, expected) => {
    expect(outcome(template)).toEqual(expected);
  });
});

describe('compileJsonPath: range … end', () => {
  it.each(table([
    ["{range .spec.machines[*]}{.name}{\"\\t\"}{.cpu}{\"\\n\"}{end}", "m1\t2\nm2\t4\nm3\t8\n"],
    ["{range .spec.machines[*]}[{.name}:{range .zones[*]}<{@}>{end}]{end}after", "[m1:<x><y>][m2:][m3:]after"],
    ["{range .spec.empty[*]}{.name}{end}done", "done"],
    ["{range .spec.missing[*]}{.name}{end}done", "done"],
    ["{range .spec.machines[*]}{.name}", "m1m2m3"],
    ["{range .spec.tags[1:3]}{@},{end}", "b,c,"],
  ]))('%j', (template, expected) => {
    expect(outcome(template)).toEqual(expected);
  });
});

describe('compileJsonPath: literals and string escapes', () => {
  it.each(table([
    ["{\"\\n\"}", "\n"],
    ["{\"a\\tb\"}", "a\tb"],
    ["{\"q\\\"x\"}", "q\"x"],
    ["{'it''s'}", "s"],
    ["{'a\"b'}", "a\"b"],
    ["{\"\\u00e9\\x41\\101\"}", "éAA"],
    ["{3}{-2}{1.5}{1000000.0}{true}", "3-21.51e+06true"],
    ["{.metadata.name .kind}", ""],
  ]))('%j', (template, expected) => {
    expect(outcome(template)).toEqual(expected);
  });
});

describe('compileJsonPath: wildcard and recursive descent', () => {
  it.each(table([
    ["{..namespace}", "org-acme"],
    ["{.spec.machines..zones}", "[\"x\",\"y\"] []"],
    ["{.metadata.name.*}", "100 101 109 111"],
  ]))('%j', (template, expected) => {
    expect(outcome(template)).toEqual(expected);
  });
});

describe('compileJsonPath: kubectl quirks kept on purpose', () => {
  it.each(table([
    ["{.spec.machines[*].zones[*]}", "x y"],
    ["{.metadata.labels['app.kubernetes.io/name']}", ""],
    ["{.}", ""],
    ["{}", "{\"apiVersion\":\"cluster.x-k8s.io/v1beta1\",\"kind\":\"Cluster\",\"metadata\":{\"labels\":{\"app.kubernetes.io/name\":\"web\",\"release.giantswarm.io/version\":\"25.1.0\",\"z\":\"1\"},\"name\":\"demo\",\"namespace\":\"org-acme\"},\"spec\":{\"big\":1000000.5,\"empty\":[],\"html\":\"\\u003ca\\u0026b\\u003e\",\"machines\":[{\"cpu\":2,\"load\":0.5,\"name\":\"m1\",\"ready\":true,\"zones\":[\"x\",\"y\"]},{\"cpu\":4,\"load\":1.5,\"name\":\"m2\",\"ready\":false},{\"cpu\":8,\"load\":2.5,\"name\":\"m3\",\"note\":null,\"zones\":[]}],\"meta\":{\"k\":\"v\"},\"nothing\":null,\"paused\":false,\"ratio\":1.5,\"replicas\":3,\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\"],\"tiny\":0.00001}}"],
  ]))('%j', (template, expected) => {
    expect(outcome(template)).toEqual(expected);
  });
});

describe('compileJsonPath: missing keys with --allow-missing-template-keys=false', () => {
  it.each(table([
    ["{.spec.missing}", exec("missing is not found")],
    ["{.spec.machines[*].zones}", "[\"x\",\"y\"] []"],
    ["{.spec.machines[?(@.note==\"x\")].name}", exec("note is not found")],
    ["{range .spec.empty[*]}{.name}{end}done", exec("name is not found")],
    ["{.spec.machines[?(@.ready)].name}", "m1 m2"],
    ["{.metadata.name .kind}", exec("kind is not found")],
  ]))('%j', (template, expected) => {
    expect(outcome(template, cluster, false)).toEqual(expected);
  });
});

describe('compileJsonPath: execution errors', () => {
  it.each(table([
    ["{.spec.tags[5]}", exec("array index out of bounds: index 5, length 5")],
    ["{.spec.tags[-6]}", exec("array index out of bounds: index -1, length 5")],
    ["{.spec.empty[0]}", exec("array index out of bounds: index 0, length 0")],
    ["{.spec.tags[3:1]}", exec("starting index 3 is greater than ending index 1")],
    ["{.spec.tags[0:9]}", exec("array index out of bounds: index 8, length 5")],
    ["{.spec.tags[::0]}", exec("step must be > 0")],
    ["{.spec.meta[0]}", exec("map[string]interface {} is not array or slice")],
    ["{.metadata.name[0]}", exec("string is not array or slice")],
    ["{.spec.meta[?(@.k)]}", exec("map[k:v] is not array or slice and cannot be filtered")],
    ["{.spec.machines[?(@.load>1)].name}", exec("incompatible types for comparison")],
    ["{.spec.machines[?(@.cpu==1.5)].name}", exec("incompatible types for comparison")],
    ["{.spec.machines[?(@.name==3)].name}", exec("incompatible types for comparison")],
    ["{.spec.machines[?(@.note==\"x\")].name}", exec("invalid type for comparison")],
    ["{.spec.machines[?(@.ready<true)].name}", exec("invalid type for comparison")],
    ["{.spec.machines[?(@.zones[*]==\"x\")].name}", exec("can only compare one element at a time")],
    ["{.spec.machines[?(@.cpu=2)].name}", exec("unrecognized filter operator =")],
    ["{end}", exec("not in range, nothing to end")],
    ["{range .spec.tags[*]}{@}{end}{end}", exec("not in range, nothing to end")],
    ["{foo}", exec("unrecognized identifier foo")],
    ["{.spec.missing}", ""],
  ]))('%j', (template, expected) => {
    expect(outcome(template)).toEqual(expected);
  });
});

describe('compileJsonPath: syntax errors', () => {
  it.each(table([
    ["{.kind", parse("unclosed action")],
    ["{.kind\n}", parse("unclosed action")],
    ["{.kind\t}", parse("unrecognized character in action: U+0009")],
    ["{.a,.b}", parse("unrecognized character in action: U+002C ','")],
    ["{{.kind}}", parse("unrecognized character in action: U+007B '{'")],
    ["{#}", parse("unrecognized character in action: U+0023 '#'")],
    ["{.spec.tags[0}", parse("unterminated array")],
    ["{.spec.tags[a]}", parse("invalid array index a")],
    ["{.spec.tags[+1]}", parse("invalid array index +1")],
    ["{.spec.tags[1:2:3:4]}", parse("invalid array index 1:2:3:4")],
    ["{[\"kind\"]}", parse("invalid array index \"kind\"")],
    ["{.spec.tags[99999999999999999999]}", parse("array index 99999999999999999999 is not a number")],
    ["{.spec.machines[?(@.cpu>1)}", parse("unclosed array expect ]")],
    ["{.spec.machines[?(@.cpu>1]}", parse("unterminated filter")],
    ["{\"abc}", parse("unterminated quoted string")],
    ["{\"\\q\"}", parse("unquote string \"\\q\" error invalid syntax")],
    ["{\"a\\\\\"}", parse("unterminated quoted string")],
    ["{1.2.3}", parse("cannot parse number 1.2.3")],
    ["{....name}", parse("invalid multiple recursive descent")],
    ["{..*}", parse("unrecognized character in action: U+002A '*'")],
    ["{.spec.tags[-]}", parse("array index - is not a number")],
  ]))('%j', (template, expected) => {
    expect(outcome(template)).toEqual(expected);
  });
});

describe('compileJsonPath: error messages in kubectl wording', () => {
  it('puts the template and reason into the parse error', () => {
    expect(() => compileJsonPath('{.spec["x"]}')).toThrow(
      new JsonPathError('error parsing jsonpath {.spec["x"]}, invalid array index "x"', 'parse', 'invalid array index "x"', '{.spec["x"]}'),
    );
  });

  it('refuses an empty template as kubectl does', () => {
    expect(() => compileJsonPath('')).toThrow('template format specified but no template given');
  });

  it('reports an execution error with the quoted template and a Go %#v dump of the object', () => {
    const small = {
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'Cluster',
      metadata: { name: 'c1', labels: { z: '1' } },
      spec: { n: 3, f: 1.5, s: 'a"b\né\u00a0', nul: null, arr: [1, 'x', []], t: true, m: {} },
    };
    let caught: unknown;
    try {
      compileJsonPath('{.spec.missing}')(small, false);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(JsonPathError);
    // kubectl's first stderr line is "error: " + this message; it then dumps the template and the whole
    // object, which we leave out (megabytes for a long list).
    expect(`error: ${(caught as JsonPathError).message}`).toBe('error: error executing jsonpath "{.spec.missing}": Error executing template: missing is not found');
    expect((caught as JsonPathError).reason).toBe('missing is not found');
  });

  it('quotes the template Go-style in the execution error', () => {
    expect(() => compileJsonPath('{range .spec.tags[*]}{.x}{"\\t"}{end}')(cluster, false)).toThrow(
      /^error executing jsonpath "\{range \.spec\.tags\[\*\]\}\{\.x\}\{\\"\\\\t\\"\}\{end\}": Error executing template: x is not found$/,
    );
  });
});

describe('compileJsonPath: numbers and strings as Go prints them', () => {
  const numbers = {
    spec: { f2: 2.0, big: 1000000.5, small: 0.00001, i6: 1000000, neg: -3, e: 1e21, huge: 12345678901234567890 },
  };

  it('prints JSON integers as integers and other numbers like Go %v of a float64', () => {
    expect(outcome('{.spec.f2} {.spec.big} {.spec.small} {.spec.i6} {.spec.neg} {.spec.e} {.spec.huge}', numbers)).toBe(
      '2 1.0000005e+06 1e-05 1000000 -3 1e+21 1.2345678901234567e+19',
    );
  });

  it('prints maps and arrays as Go json.Marshal does (sorted keys, HTML-safe escapes)', () => {
    const data = { spec: { s: 'a<b>&c\u2028"\\\n\t\b\f\u0001é😀', n: [1.5, 12345678901234567890], a: { y: 1, x: null } } };
    expect(outcome('{.spec}', data)).toBe(
      '{"a":{"x":null,"y":1},"n":[1.5,12345678901234567000],"s":"a\\u003cb\\u003e\\u0026c\\u2028\\"\\\\\\n\\t\\b\\f\\u0001é😀"}',
    );
  });

  it('yields the UTF-8 bytes of a string for a wildcard, as numbers', () => {
    expect(outcome('{.s.*}', { s: 'hé' })).toBe('104 195 169');
  });

  it('builds string literals from bytes, so \\x escapes can spell UTF-8', () => {
    expect(outcome('{"\\xc3\\xa9"}{\'\\303\\251\'}')).toBe('éé');
  });
});

describe('compileJsonPath: behaviour across calls and data', () => {
  it('stops at the first empty array selection, dropping later items (kubectl quirk)', () => {
    const data = { spec: { items: [{ tags: [] }, { tags: ['x'] }, { tags: null }, { tags: ['y', 'z'] }] } };
    expect(outcome('{.spec.items[*].tags[*]}', data)).toBe('');
    expect(outcome('{.spec.items[1:].tags[*]}', data)).toBe('x y z');
  });

  it('finds every key with recursive descent (map order is Go-random in kubectl, so compare sorted)', () => {
    expect((outcome('{..name}') as string).split(' ').sort()).toEqual(['demo', 'm1', 'm2', 'm3']);
  });

  it('can be compiled once and run on many values without touching them', () => {
    const program = compileJsonPath('{range .items[*]}{.metadata.name}={.spec.replicas}{"\\n"}{end}');
    const deepFreeze = (v: unknown): unknown => {
      if (v && typeof v === 'object') {
        Object.values(v).forEach(deepFreeze);
        Object.freeze(v);
      }
      return v;
    };
    const a = deepFreeze({ items: [{ metadata: { name: 'a' }, spec: { replicas: 1 } }] });
    const b = deepFreeze({ items: [{ metadata: { name: 'b' }, spec: { replicas: 2 } }, { metadata: { name: 'c' } }] });
    expect(program(a, true)).toBe('a=1\n');
    expect(program(b, true)).toBe('b=2\nc=\n');
    expect(() => program(b, false)).toThrow(/Error executing template: spec is not found$/);
    expect(program(a, true)).toBe('a=1\n');
  });

  it('handles a List of 10,000 objects', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      metadata: { name: `c${i}`, labels: { 'release.giantswarm.io/version': `25.${i % 3}.0` } },
      status: { conditions: [{ type: 'Ready', status: i % 2 ? 'True' : 'False' }] },
    }));
    const program = compileJsonPath(
      '{range .items[*]}{.metadata.name}{"\\t"}{.metadata.labels.release\\.giantswarm\\.io/version}{"\\t"}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}',
    );
    const lines = program({ kind: 'List', items }, true).split('\n');
    expect(lines).toHaveLength(10_001);
    expect(lines[0]).toBe('c0\t25.0.0\tFalse');
    expect(lines[9_999]).toBe('c9999\t25.0.0\tTrue');
  });
});

describe('compileJsonPath as JSON (-o jsonpath-as-json)', () => {
  // Outputs from kubectl v1.32 (`-o jsonpath-as-json=...`) on the same object.
  const obj = {
    apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Cluster',
    metadata: { name: 'c1', labels: { z: '1', 'a<b': 'x&y' } },
    spec: { n: [1, 2.5, { k: [] }], m: { b: true, a: {} }, s: 'q"t' },
  };

  it('prints each result list, text included, as one indented JSON array per line group', () => {
    expect(compileJsonPath('x{.spec.n[*]}y', true)(obj, true)).toBe('[\n    "x"\n]\n[\n    1,\n    2.5,\n    {\n        "k": []\n    }\n]\n[\n    "y"\n]\n');
  });

  it('sorts keys, escapes <>& as Go does, and prints a missing key as an empty array', () => {
    expect(compileJsonPath('{.metadata.labels} {.nothing}', true)(obj, true)).toBe(
      '[\n    {\n        "a\\u003cb": "x\\u0026y",\n        "z": "1"\n    }\n]\n[\n    " "\n]\n[]\n',
    );
  });
});
