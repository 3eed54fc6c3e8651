// Expected outputs and error texts below were produced by real kubectl (v1.32, Go text/template)
// evaluating the same template against the same object:
//   kubectl label --local --overwrite -f obj.json z=1 -o go-template=TEMPLATE [--allow-missing-template-keys=false]
// and copied here verbatim; the tests themselves do not run kubectl.

import { compileGoTemplate, GoTemplateError } from '../../../src/output/gotemplate';

// The object as kubectl's printer sees it (JSON-decoded); metadata.labels.z is the label the oracle sets.
const OBJ: unknown = {
  apiVersion: 'cluster.x-k8s.io/v1beta1',
  kind: 'Cluster',
  metadata: {
    name: 'c1',
    namespace: 'org-a',
    labels: {
      z: '1',
      b: 'x',
      'app.kubernetes.io/name': 'web',
    },
    annotations: {
      note: '<b>&"é\u2028',
      multi: 'line1\nline2',
    },
  },
  spec: {
    replicas: 3,
    big: 1000000,
    tiny: 1e-7,
    e21: 1e+21,
    f2: 2.5,
    frac: 1.5,
    list: ['a', null, 'c'],
    nums: [1, 2.5, -3],
    nested: [
      {
        name: 'n1',
        ports: [80, 443],
      },
      {
        name: 'n2',
      },
    ],
    flag: false,
    empty: '',
    emptyList: [],
    emptyObj: {},
    nul: null,
    obj: {
      b: {
        x: 1,
      },
      a: [1, 2],
      'é': 'u',
      A: 'up',
    },
  },
  status: {
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'ok',
      },
      {
        type: 'Other',
        status: 'False',
      },
    ],
  },
};

function render(template: string, allowMissingKeys: boolean, data: unknown = OBJ): string {
  return compileGoTemplate(template)(data, allowMissingKeys);
}

/** The text kubectl prints after "error: ", whether it comes from parsing or from executing. */
function expectError(template: string, allowMissingKeys: boolean, message: string): void {
  let thrown: unknown;
  try {
    render(template, allowMissingKeys);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(GoTemplateError);
  expect((thrown as GoTemplateError).message).toBe(message);
}

describe('compileGoTemplate (kubectl -o go-template)', () => {
  describe('fields, literals and printing', () => {
    it('plain text passes through', () => {
      expect(render('hello world', true)).toBe('hello world');
    });
    it('field chain', () => {
      expect(render('{{.metadata.name}}/{{.metadata.namespace}}', true)).toBe('c1/org-a');
    });
    it('dot prints the whole object as a Go map with sorted keys', () => {
      expect(render('{{.metadata.labels}}', true)).toBe('map[app.kubernetes.io/name:web b:x z:1]');
    });
    it('$ is the root object', () => {
      expect(render('{{range .spec.list}}{{$.metadata.name}}{{end}}', true)).toBe('c1c1c1');
    });
    it('$.x inside with', () => {
      expect(render('{{with .spec.obj}}{{$.kind}}:{{.A}}{{end}}', true)).toBe('Cluster:up');
    });
    it('int64, float64 and exponent forms as Go prints them', () => {
      expect(render('{{.spec.replicas}} {{.spec.big}} {{.spec.frac}} {{.spec.tiny}} {{.spec.e21}} {{1000000.0}} {{123456789.0}} {{2.0}}', true)).toBe('3 1000000 1.5 1e-07 1e+21 1e+06 1.23456789e+08 2');
    });
    it('slices and nested maps print Go-style with <nil> for null', () => {
      expect(render('{{.spec.list}} {{.spec.nested}} {{.spec.emptyList}} {{.spec.emptyObj}}', true)).toBe('[a <nil> c] [map[name:n1 ports:[80 443]] map[name:n2]] [] map[]');
    });
    it('booleans, empty string and JSON null', () => {
      expect(render('{{.spec.flag}}|{{.spec.empty}}|{{.spec.nul}}', true)).toBe('false||<no value>');
    });
    it('string literal escapes and raw strings', () => {
      expect(render('{{"a\\tb\\x41\\u00e9\\101"}}|{{`raw\\n`}}', true)).toBe('a\tbAéA|raw\\n');
    });
    it('number literal forms', () => {
      expect(render('{{0x1F}} {{1_000}} {{0o17}} {{017}} {{0b101}} {{\'a\'}} {{-5}} {{+5}} {{1e3}} {{.5}} {{0x10p2}}', true)).toBe('31 1000 15 15 5 97 -5 5 1000 0.5 64');
    });
    it('complex literals', () => {
      expect(render('{{1i}} {{1+2i}} {{-1.5-2.5i}} {{printf "%.1f %T" 1+2i 1i}} {{eq 1i 1i}}', true)).toBe('(0+1i) (1+2i) (-1.5-2.5i) (1.0+2.0i) complex128 true');
    });
    it('nil is not a command', () => {
      expectError('{{nil}}', true, 'error executing template "{{nil}}": template: output:1:2: executing "output" at <nil>: nil is not a command');
    });
  });

  describe('missing keys', () => {
    it('missing key prints <no value> by default', () => {
      expect(render('{{.nope}} {{.nope.deeper}} {{.metadata.nope}}', true)).toBe('<no value> <no value> <no value>');
    });
    it('missing key is an error with --allow-missing-template-keys=false', () => {
      expectError('{{.metadata.nope}}', false, 'error executing template "{{.metadata.nope}}": template: output:1:11: executing "output" at <.metadata.nope>: map has no entry for key "nope"');
    });
    it('missing intermediate key in strict mode', () => {
      expectError('abc{{.nope.x}}', false, 'error executing template "abc{{.nope.x}}": template: output:1:10: executing "output" at <.nope.x>: map has no entry for key "nope"');
    });
    it('nil data in strict mode', () => {
      expectError('{{$x := .spec.nul}}{{$x.y}}', false, 'error executing template "{{$x := .spec.nul}}{{$x.y}}": template: output:1:23: executing "output" at <$x.y>: nil data; no entry for key "y"');
    });
    it('JSON null in a chain is a nil pointer', () => {
      expectError('{{.spec.nul.x}}', true, 'error executing template "{{.spec.nul.x}}": template: output:1:7: executing "output" at <.spec.nul.x>: nil pointer evaluating interface {}.x');
    });
    it('field of a string value', () => {
      expectError('{{.metadata.name.foo}}', true, 'error executing template "{{.metadata.name.foo}}": template: output:1:11: executing "output" at <.metadata.name.foo>: can\'t evaluate field foo in type interface {}');
    });
    it('field of a concrete string variable', () => {
      expectError('{{$x := .metadata.name}}{{$x.foo}}', true, 'error executing template "{{$x := .metadata.name}}{{$x.foo}}": template: output:1:28: executing "output" at <$x.foo>: can\'t evaluate field foo in type string');
    });
    it('index with a dotted label key', () => {
      expect(render('{{index .metadata.labels "app.kubernetes.io/name"}}', true)).toBe('web');
    });
  });

  describe('trim markers and comments', () => {
    it('trim markers remove surrounding whitespace', () => {
      expect(render('a  {{- .metadata.name -}}\n  b {{- /* c */ -}} c {{/* d */}}d', true)).toBe('ac1bc d');
    });
    it('trimmed range lines', () => {
      expect(render('{{- range .spec.nested }}\n  - {{ .name }}\n{{- end }}', true)).toBe('\n  - n1\n  - n2');
    });
    it('multi-line comment', () => {
      expect(render('{{/*\nmulti\nline */}}z', true)).toBe('z');
    });
    it('-3 is a number, not a trim marker', () => {
      expect(render('{{-3}}', true)).toBe('-3');
    });
  });

  describe('variables', () => {
    it('variable declaration and assignment', () => {
      expect(render('{{$x := 1}}{{if true}}{{$x = 2}}{{$x := 3}}{{$x}}{{end}}{{$x}}', true)).toBe('32');
    });
    it('assignment inside range reaches the outer variable', () => {
      expect(render('{{$x := ""}}{{range .spec.list}}{{$x = .}}{{end}}{{$x}}', true)).toBe('c');
    });
    it('variables declared in if are scoped to it', () => {
      expectError('{{if $x := .metadata.name}}{{$x}}{{end}}{{$x}}', true, 'error parsing template {{if $x := .metadata.name}}{{$x}}{{end}}{{$x}}, template: output:1: undefined variable "$x"');
    });
    it('range with index and element', () => {
      expect(render('{{range $i, $e := .spec.nested}}{{$i}}:{{$e.name}}{{range $j, $p := $e.ports}}[{{$i}}.{{$j}}={{$p}}]{{end}} {{end}}', true)).toBe('0:n1[0.0=80][0.1=443] 1:n2 ');
    });
    it('range assignment form', () => {
      expect(render('{{$a := ""}}{{$b := ""}}{{range $a, $b = .spec.obj}}{{end}}{{$a}}={{$b}}', true)).toBe('é=u');
    });
  });

  describe('control flow', () => {
    it('range over a slice with else', () => {
      expect(render('{{range .spec.emptyList}}x{{else}}empty{{end}} {{range .spec.nested}}{{.name}},{{end}}', true)).toBe('empty n1,n2,');
    });
    it('range over a map in sorted key order', () => {
      expect(render('{{range $k, $v := .spec.obj}}{{$k}}={{$v}};{{end}}', true)).toBe('A=up;a=[1 2];b=map[x:1];é=u;');
    });
    it('range over missing or null takes else', () => {
      expect(render('{{range .nope}}x{{else}}none{{end}} {{range .spec.nul}}x{{else}}none{{end}}', true)).toBe('none none');
    });
    it('range over a string is an error', () => {
      expectError('{{range .metadata.name}}x{{end}}', true, 'error executing template "{{range .metadata.name}}x{{end}}": template: output:1:17: executing "output" at <.metadata.name>: range can\'t iterate over c1');
    });
    it('range over a number literal is an error', () => {
      expectError('{{range 3}}{{.}}{{end}}', true, 'error executing template "{{range 3}}{{.}}{{end}}": template: output:1:8: executing "output" at <3>: range can\'t iterate over 3');
    });
    it('break and continue', () => {
      expectError('{{range .spec.list}}{{if eq . "c"}}{{continue}}{{end}}{{.}}{{end}}|{{range .spec.nums}}{{if gt . 1}}{{break}}{{end}}{{.}}{{end}}', true, 'error executing template "{{range .spec.list}}{{if eq . \\"c\\"}}{{continue}}{{end}}{{.}}{{end}}|{{range .spec.nums}}{{if gt . 1}}{{break}}{{end}}{{.}}{{end}}": template: output:1:92: executing "output" at <gt . 1>: error calling gt: incompatible types for comparison');
    });
    it('break outside range', () => {
      expectError('{{break}}', true, 'error parsing template {{break}}, template: output:1: {{break}} outside {{range}}');
    });
    it('if / else if / else', () => {
      expect(render('{{if .spec.empty}}a{{else if .spec.flag}}b{{else if .spec.replicas}}c{{else}}d{{end}}', true)).toBe('c');
    });
    it('truthiness of empty values', () => {
      expect(render('{{if .spec.emptyObj}}1{{end}}{{if .spec.emptyList}}2{{end}}{{if .spec.empty}}3{{end}}{{if 0}}4{{end}}{{if .spec.flag}}5{{end}}{{if .spec.nul}}6{{end}}{{if .spec.obj}}7{{end}}', true)).toBe('7');
    });
    it('with sets dot and has else', () => {
      expect(render('{{with .nope}}x{{else}}no{{end}}|{{with .spec.obj.b}}{{.x}}{{end}}|{{with $x := .spec.replicas}}{{$x}}{{.}}{{end}}', true)).toBe('no|1|33');
    });
    it('else with', () => {
      expect(render('{{with .nope}}x{{else with .spec.empty}}y{{else with .spec.obj}}{{.A}}{{end}}', true)).toBe('up');
    });
    it('null elements in range', () => {
      expect(render('{{range .spec.list}}[{{.}}]{{end}}', true)).toBe('[a][<no value>][c]');
    });
    it('field of a null range element', () => {
      expectError('{{range .spec.list}}{{.x}}{{end}}', true, 'error executing template "{{range .spec.list}}{{.x}}{{end}}": template: output:1:22: executing "output" at <.x>: can\'t evaluate field x in type interface {}');
    });
  });

  describe('pipelines', () => {
    it('pipelines pass the value as the last argument', () => {
      expect(render('{{.metadata.labels.z | printf "%s-%s" "a"}}|{{.metadata.name | printf "%s" | len}}|{{.kind | eq "Cluster"}}', true)).toBe('a-1|2|true');
    });
    it('parenthesised pipelines and field access on them', () => {
      expect(render('{{len (printf "%d" 33)}}|{{(.spec).replicas}}|{{(index .spec "obj").b.x}}|{{(index .spec "nul").x}}', true)).toBe('2|3|1|<no value>');
    });
    it('field of a parenthesised int', () => {
      expectError('{{(.spec.replicas).x}}', true, 'error executing template "{{(.spec.replicas).x}}": template: output:1:8: executing "output" at <.spec.replicas>: can\'t evaluate field x in type int64');
    });
    it('argument to a non-function', () => {
      expectError('{{(1 2)}}', true, 'error executing template "{{(1 2)}}": template: output:1:3: executing "output" at <1>: can\'t give argument to non-function 1');
    });
    it('argument to a map field', () => {
      expectError('{{"x" | .metadata}}', true, 'error executing template "{{\\"x\\" | .metadata}}": template: output:1:8: executing "output" at <.metadata>: metadata is not a method but has arguments');
    });
  });

  describe('functions', () => {
    it('and / or return the deciding value and short-circuit', () => {
      expect(render('{{and 1 0 2}}|{{and 1 2}}|{{or 0 "" "x"}}|{{or 0 ""}}|{{and 0 (index .spec.list 9)}}|{{or 1 (index .spec.list 9)}}', true)).toBe('0|2|x||0|1');
    });
    it('not', () => {
      expect(render('{{not 0}} {{not .spec.list}} {{not .nope}}', true)).toBe('true false true');
    });
    it('len of string (bytes), slice and map', () => {
      expect(render('{{len .spec.list}} {{len .spec.obj}} {{len "héllo"}}', true)).toBe('3 4 6');
    });
    it('len of an int64', () => {
      expectError('{{len .spec.replicas}}', true, 'error executing template "{{len .spec.replicas}}": template: output:1:2: executing "output" at <len .spec.replicas>: error calling len: len of type int64');
    });
    it('len of JSON null', () => {
      expectError('{{len .spec.nul}}', true, 'error executing template "{{len .spec.nul}}": template: output:1:2: executing "output" at <len .spec.nul>: error calling len: len of nil pointer');
    });
    it('len of a missing value', () => {
      expectError('{{len .nope}}', true, 'error executing template "{{len .nope}}": template: output:1:2: executing "output" at <len .nope>: error calling len: reflect: call of reflect.Value.Type on zero Value');
    });
    it('len of literal nil', () => {
      expectError('{{len nil}}', true, 'error executing template "{{len nil}}": template: output:1:2: executing "output" at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value');
    });
    it('index into maps and slices with several keys', () => {
      expect(render('{{index .spec.nested 0 "ports" 1}} {{index .spec.obj "b" "x"}} {{index .spec.obj "zz"}} {{index "abc" 1}}', true)).toBe('443 1 <no value> 98');
    });
    it('index out of range', () => {
      expectError('{{index .spec.list 5}}', true, 'error executing template "{{index .spec.list 5}}": template: output:1:2: executing "output" at <index .spec.list 5>: error calling index: index out of range: 5');
    });
    it('index at len', () => {
      expectError('{{index .spec.list 3}}', true, 'error executing template "{{index .spec.list 3}}": template: output:1:2: executing "output" at <index .spec.list 3>: error calling index: reflect: slice index out of range');
    });
    it('index a map with an int', () => {
      expectError('{{index .spec.obj 1}}', true, 'error executing template "{{index .spec.obj 1}}": template: output:1:2: executing "output" at <index .spec.obj 1>: error calling index: value has type int; should be string');
    });
    it('index of missing', () => {
      expectError('{{index .nope "a"}}', true, 'error executing template "{{index .nope \\"a\\"}}": template: output:1:2: executing "output" at <index .nope "a">: error calling index: index of untyped nil');
    });
    it('index into an int64', () => {
      expectError('{{index .spec.replicas 1}}', true, 'error executing template "{{index .spec.replicas 1}}": template: output:1:2: executing "output" at <index .spec.replicas 1>: error calling index: can\'t index item of type int64');
    });
    it('slice of slices and strings', () => {
      expect(render('{{slice .spec.list 1}}|{{slice .spec.list 1 2}}|{{slice "abcdef" 2 4}}|{{slice .spec.list}}|{{slice .spec.list 0 4}}', true)).toBe('[<nil> c]|[<nil>]|cd|[a <nil> c]|[a <nil> c <nil>]');
    });
    it('slice with inverted indexes', () => {
      expectError('{{slice .spec.list 2 1}}', true, 'error executing template "{{slice .spec.list 2 1}}": template: output:1:2: executing "output" at <slice .spec.list 2 1>: error calling slice: invalid slice index: 2 > 1');
    });
    it('3-index slice of a string', () => {
      expectError('{{slice "abc" 1 2 3}}', true, 'error executing template "{{slice \\"abc\\" 1 2 3}}": template: output:1:2: executing "output" at <slice "abc" 1 2 3>: error calling slice: cannot 3-index slice a string');
    });
    it('eq with several arguments, ne, lt, le, gt, ge', () => {
      expect(render('{{eq .spec.replicas 3}} {{eq .metadata.name "x" "c1"}} {{ne 1 2}} {{eq .nope "x"}} {{eq .spec.frac 1.5}} {{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1 2}} {{eq .nope .nope2}}', true)).toBe('true true true false true true true true false true');
    });
    it('eq of int and string', () => {
      expectError('{{eq 1 "a"}}', true, 'error executing template "{{eq 1 \\"a\\"}}": template: output:1:2: executing "output" at <eq 1 "a">: error calling eq: incompatible types for comparison');
    });
    it('eq of int and float', () => {
      expectError('{{eq .spec.replicas 3.0}}', true, 'error executing template "{{eq .spec.replicas 3.0}}": template: output:1:2: executing "output" at <eq .spec.replicas 3.0>: error calling eq: incompatible types for comparison');
    });
    it('lt with a missing value', () => {
      expectError('{{lt .nope 1}}', true, 'error executing template "{{lt .nope 1}}": template: output:1:2: executing "output" at <lt .nope 1>: error calling lt: invalid type for comparison');
    });
    it('eq of maps', () => {
      expectError('{{eq .spec.obj .spec.obj}}', true, 'error executing template "{{eq .spec.obj .spec.obj}}": template: output:1:2: executing "output" at <eq .spec.obj .spec.obj>: error calling eq: non-comparable type map[A:up a:[%!s(int64=1) %!s(int64=2)] b:map[x:%!s(int64=1)] é:u]: map[string]interface {}');
    });
    it('eq with one argument', () => {
      expectError('{{eq 1}}', true, 'error executing template "{{eq 1}}": template: output:1:2: executing "output" at <eq 1>: error calling eq: missing argument for comparison');
    });
    it('print and println spacing', () => {
      expect(render('{{print 1 2 "a" "b" 3 .nope true}}|{{println 1 "a" .spec.list}}|', true)).toBe('1 2ab3 <nil> true|1 a [a <nil> c]\n|');
    });
    it('html, js and urlquery', () => {
      expect(render('{{html .metadata.annotations.note}}|{{js .metadata.annotations.note}}|{{js "a\'b\\nc"}}|{{urlquery "a b&c=d/é"}}|{{html .nope}}', true)).toBe('&lt;b&gt;&amp;&#34;é\u2028|\\u003Cb\\u003E\\u0026\\"é\\u2028|a\\\'b\\u000Ac|a+b%26c%3Dd%2F%C3%A9|&lt;no value&gt;');
    });
    it('base64decode', () => {
      expect(render('{{base64decode "aGVsbG8="}} {{"aGk=" | base64decode}}', true)).toBe('hello hi');
    });
    it('base64decode of invalid data', () => {
      expectError('{{base64decode "YWJ"}}', true, 'error executing template "{{base64decode \\"YWJ\\"}}": template: output:1:2: executing "output" at <base64decode "YWJ">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 0');
    });
    it('base64decode of a non-string', () => {
      expectError('{{base64decode .spec.replicas}}', true, 'error executing template "{{base64decode .spec.replicas}}": template: output:1:20: executing "output" at <.spec.replicas>: wrong type for value; expected string; got int64');
    });
    it('exists', () => {
      expect(render('{{exists . "spec" "list" 1}} {{exists . "spec" "zz"}} {{exists .spec.list 5}} {{exists .spec "nul"}}', true)).toBe('false false false false');
    });
    it('wrong number of arguments', () => {
      expectError('{{.spec.list | len 1}}', true, 'error executing template "{{.spec.list | len 1}}": template: output:1:15: executing "output" at <len>: wrong number of args for len: want 1 got 2');
    });
    it('variadic function without arguments', () => {
      expectError('{{index}}', true, 'error executing template "{{index}}": template: output:1:2: executing "output" at <index>: wrong number of args for index: want at least 1 got 0');
    });
  });

  describe('printf', () => {
    it('printf common verbs', () => {
      expect(render('{{printf "%d %s %v %q %t %x %f %5s|%-10s|%05d %%" 3 "a" .spec.obj "q\\"x" true 255 1.5 "ab" "cd" 42}}', true)).toBe('3 a map[A:up a:[1 2] b:map[x:1] é:u] "q\\"x" true ff 1.500000    ab|cd        |00042 %');
    });
    it('printf bad verbs, missing and extra operands', () => {
      expect(render('{{printf "%d" "x"}} {{printf "%s" 3}} {{printf "%s" .spec.replicas}} {{printf "%d" .spec.frac}} {{printf "%s" .nope}} {{printf "%d %d" 1}} {{printf "%d" 1 2 "x"}}', true)).toBe('%!d(string=x) %!s(int=3) %!s(int64=3) %!d(float64=1.5) %!s(<nil>) 1 %!d(MISSING) 1%!(EXTRA int=2, string=x)');
    });
    it('printf applies the verb to map and slice elements', () => {
      expect(render('{{printf "%s" .spec.obj}} {{printf "%d" .spec.list}} {{printf "%5v" .spec.nums}} {{printf "%x" .spec.list}}', true)).toBe('map[A:up a:[%!s(int64=1) %!s(int64=2)] b:map[x:%!s(int64=1)] é:u] [%!d(string=a) <nil> %!d(string=c)] [    1   2.5    -3] [61 <nil> 63]');
    });
    it('printf number formatting', () => {
      expect(render('{{printf "%e|%g|%.2f|%8.3f|%+d|% d|%o|%b|%#x|%X|%c|%q|%U" 1234.5678 1234.5678 3.14159 3.14159 5 5 8 5 255 -255 97 97 233}}', true)).toBe('1.234568e+03|1234.5678|3.14|   3.142|+5| 5|10|101|0xff|-FF|a|\'a\'|U+00E9');
    });
    it('printf rounds halves to even', () => {
      expect(render('{{printf "%.0f %.0f %.1f %.2f" 2.5 3.5 0.25 1.005}}', true)).toBe('2 4 0.2 1.00');
    });
    it('printf %#v and %T', () => {
      expect(render('{{printf "%#v" .spec.obj}} {{printf "%#v" .spec.list}} {{printf "%T %T %T %T" 1 .spec.replicas .spec.frac .spec.obj}}', true)).toBe('map[string]interface {}{"A":"up", "a":[]interface {}{1, 2}, "b":map[string]interface {}{"x":1}, "é":"u"} []interface {}{"a", interface {}(nil), "c"} int int64 float64 map[string]interface {}');
    });
    it('printf width and precision from arguments, explicit indexes', () => {
      expect(render('{{printf "%*d|%-*d|%.*f|" 5 42 5 42 2 3.14159}}{{printf "%[2]d %[1]d" 1 2}}', true)).toBe('   42|42   |3.14|2 1');
    });
    it('printf string precision and zero padding', () => {
      expect(render('{{printf "%.2s|%5.1s|%-4s|%05s|%x" "héllo" "abc" "é" "ab" "hi"}}', true)).toBe('hé|    a|é   |000ab|6869');
    });
    it('printf format must be a string', () => {
      expectError('{{printf .spec.replicas}}', true, 'error executing template "{{printf .spec.replicas}}": template: output:1:14: executing "output" at <.spec.replicas>: wrong type for value; expected string; got int64');
    });
    it('printf float %b, hex and # forms', () => {
      expect(render('{{printf "%b|%.1x|%.0X|%#g|%#.0f|%#x|%x|%#d" 1.5 1.96875 3.0 0.0 3.0 1.0 5e-324 1e-7}}', true)).toBe('6755399441055744p-52|0x1.0p+01|0X1P+02|0.00000|3.|0x1.0000p+00|0x1p-1074|%!d(float64=1.00000e-07)');
    });
    it('printf %T with precision and %U forms', () => {
      expect(render('{{printf "%.3T|%.6U|%#U|%U" 1.5 80 233 -3}}', true)).toBe('flo|U+000050|U+00E9 \'é\'|U+FFFFFFFFFFFFFFFD');
    });
  });

  describe('define, template and block', () => {
    it('define and template', () => {
      expect(render('{{define "row"}}{{.name}}:{{range .ports}}{{.}},{{end}}{{end}}{{range .spec.nested}}{{template "row" .}};{{end}}', true)).toBe('n1:80,443,;n2:;');
    });
    it('block', () => {
      expect(render('{{block "b" .metadata}}{{.name}}{{end}}|{{template "b" .spec.obj.b}}', true)).toBe('c1|<no value>');
    });
    it('undefined template', () => {
      expectError('{{template "y"}}', true, 'error executing template "{{template \\"y\\"}}": template: output:1:11: executing "output" at <{{template "y"}}>: template "y" not defined');
    });
  });

  describe('parse errors and error texts', () => {
    it('parse error: stray brace', () => {
      expectError('{{ } }}', true, 'error parsing template {{ } }}, template: output:1: unexpected "}" in command');
    });
    it('parse error: unclosed action', () => {
      expectError('{{.x', true, 'error parsing template {{.x, template: output:1: unclosed action');
    });
    it('parse error: unclosed action over lines', () => {
      expectError('{{.x\n.y', true, 'error parsing template {{.x\n.y, template: output:2: unclosed action started at output:1');
    });
    it('parse error: bad character', () => {
      expectError('{{.x}', true, 'error parsing template {{.x}, template: output:1: bad character U+007D \'}\'');
    });
    it('parse error: unexpected EOF', () => {
      expectError('{{if .x}}a', true, 'error parsing template {{if .x}}a, template: output:1: unexpected EOF');
    });
    it('parse error: stray end', () => {
      expectError('{{end}}', true, 'error parsing template {{end}}, template: output:1: unexpected {{end}}');
    });
    it('parse error: undefined function', () => {
      expectError('a\n{{if .x}}\n{{.a b}}', true, 'error parsing template a\n{{if .x}}\n{{.a b}}, template: output:3: function "b" not defined');
    });
    it('parse error: undefined variable', () => {
      expectError('{{$x}}', true, 'error parsing template {{$x}}, template: output:1: undefined variable "$x"');
    });
    it('parse error: missing value', () => {
      expectError('{{range}}{{end}}', true, 'error parsing template {{range}}{{end}}, template: output:1: missing value for range');
    });
    it('parse error: non executable command', () => {
      expectError('{{.a | "x"}}', true, 'error parsing template {{.a | "x"}}, template: output:1: non executable command in pipeline stage 2');
    });
    it('parse error: unterminated string', () => {
      expectError('{{"abc}}', true, 'error parsing template {{"abc}}, template: output:1: unterminated quoted string');
    });
    it('parse error: bad number', () => {
      expectError('{{3x}}', true, 'error parsing template {{3x}}, template: output:1: bad number syntax: "3x"');
    });
    it('parse error: unclosed comment', () => {
      expectError('{{/* x}}', true, 'error parsing template {{/* x}}, template: output:1: unclosed comment');
    });
    it('parse error: comment before closing delimiter', () => {
      expectError('{{/* x */ }}', true, 'error parsing template {{/* x */ }}, template: output:1: comment ends before closing delimiter');
    });
    it('parse error: too many declarations', () => {
      expectError('{{range $i, $j, $k := .a}}{{end}}', true, 'error parsing template {{range $i, $j, $k := .a}}{{end}}, template: output:1: too many declarations in range');
    });
    it('parse error: field on a literal', () => {
      expectError('{{"a".b}}', true, 'error parsing template {{"a".b}}, template: output:1: unexpected . after term "\\"a\\""');
    });
    it('parse error: invalid escape', () => {
      expectError('{{"\\q"}}', true, 'error parsing template {{"\\q"}}, template: output:1: invalid syntax');
    });
    it('parse error: double else', () => {
      expectError('{{if .a}}{{else}}{{else}}{{end}}', true, 'error parsing template {{if .a}}{{else}}{{else}}{{end}}, template: output:1: expected end; found {{else}}');
    });
    it('parse error: else if inside range', () => {
      expectError('{{range .x}}{{else if .y}}{{end}}', true, 'error parsing template {{range .x}}{{else if .y}}{{end}}, template: output:1: unexpected <if> in input');
    });
    it('parse error: unrecognized character', () => {
      expectError('{{€}}', true, 'error parsing template {{€}}, template: output:1: unrecognized character in action: U+20AC \'€\'');
    });
    it('parse error: unexpected comma', () => {
      expectError('{{.a ,}}', true, 'error parsing template {{.a ,}}, template: output:1: unexpected "," in operand');
    });
    it('parse error: multiple definition', () => {
      expectError('{{define "a"}}x{{end}}{{define "a"}}y{{end}}', true, 'error parsing template {{define "a"}}x{{end}}{{define "a"}}y{{end}}, template: output:1: template: multiple definition of template "a"');
    });
    it('error message quotes the template Go-style', () => {
      expectError('{{"x\\ty" | len 2}}', true, 'error executing template "{{\\"x\\\\ty\\" | len 2}}": template: output:1:11: executing "output" at <len>: wrong number of args for len: want 1 got 2');
    });
  });
});

describe('compileGoTemplate errors and reuse', () => {
  const small = {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    metadata: { name: 'c<1>', labels: { z: '1' } },
    spec: { n: [1, 2.5] },
  };

  it('throws parse errors from compile, not from execution', () => {
    let thrown: unknown;
    try {
      compileGoTemplate('{{.x');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(GoTemplateError);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as GoTemplateError).kind).toBe('parse');
    expect((thrown as GoTemplateError).goMessage).toBe('template: output:1: unclosed action');
  });

  it('reports an execution error with the partial output and kubectl\'s debugging dump for stdout', () => {
    const run = compileGoTemplate('abc{{.metadata.name}}{{.nope}}');
    expect(run(small, true)).toBe('abcc<1><no value>');
    let thrown: unknown;
    try {
      run(small, false);
    } catch (e) {
      thrown = e;
    }
    const err = thrown as GoTemplateError;
    expect(err).toBeInstanceOf(GoTemplateError);
    expect(err.kind).toBe('exec');
    expect(err.message).toBe(
      'error executing template "abc{{.metadata.name}}{{.nope}}": template: output:1:23: executing "output" at <.nope>: map has no entry for key "nope"',
    );
    expect(err.goMessage).toBe('template: output:1:23: executing "output" at <.nope>: map has no entry for key "nope"');
  });

  it('runs one compiled template over many objects without touching them', () => {
    const run = compileGoTemplate('{{.metadata.name}}:{{range $k, $v := .metadata.labels}}{{$k}}={{$v}},{{end}}');
    const a = { metadata: { name: 'a', labels: { y: '2', x: '1' } } };
    const b = { metadata: { name: 'b' } };
    const before = JSON.stringify([a, b]);
    expect(run(a, true)).toBe('a:x=1,y=2,');
    expect(run(b, true)).toBe('b:');
    expect(run(a, true)).toBe('a:x=1,y=2,');
    expect(JSON.stringify([a, b])).toBe(before);
  });

  it('renders a List of 10,000 items in one pass', () => {
    const items = Array.from({ length: 10000 }, (_, i) => ({
      metadata: { name: `c${i}`, labels: { idx: String(i) } },
      spec: { replicas: i },
    }));
    const run = compileGoTemplate('{{range .items}}{{.metadata.name}} {{printf "%05d" .spec.replicas}}{{"\\n"}}{{end}}');
    const started = Date.now();
    const out = run({ apiVersion: 'v1', kind: 'List', items }, true);
    const lines = out.split('\n');
    expect(lines).toHaveLength(10001);
    expect(lines[0]).toBe('c0 00000');
    expect(lines[9999]).toBe('c9999 09999');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
