"""Inline code for node, deno, ruby, perl, php and lua (``inlinescript``): what only
computes and prints is allowed, anything that could reach a process, a file, the network or
code built at run time keeps its finding, and no token trick makes the scan read the code
differently from the interpreter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.inlinescript import inline_reads

FIREWALL = IntentFirewall(
    working_directory="/work/project", home="/home/agent", allowed_hosts=["github.com"]
)


def decide(line: str) -> Decision:
    return FIREWALL.validate_request_sync(Request("execute_command", {"command": line})).decision


HARMLESS = [
    ("node", "const os=require('os');console.log(os.cpus().length)"),
    ("node", "console.log(require('path').join('a', 'b'))"),
    ("node", "console.log([3, 1, 2].sort().map(x => x * 2).join(','))"),
    ("node", "console.log([1, 2].reduce((a, b) => a + b) / 3)"),
    ("node", "console.log(JSON.stringify({name: 'x', n: [1, 2]}, null, 2))"),
    ("node", "console.log(new Date().toISOString())"),
    ("node", "const p = require('./package.json'); console.log(p.name, p.version)"),
    ("ruby", "puts [3,1,2].sort.inspect"),
    ("ruby", "puts (1..5).map { |x| x * x }.sum"),
    ("ruby", 'puts Time.now.strftime("%Y-%m-%d")'),
    ("perl", "print if /TODO/"),
    ("perl", "s/foo/bar/g; print"),
    ("perl", 'print join(",", sort { $a <=> $b } (3,1,2)), "\\n"'),
    ("php", "echo PHP_VERSION, PHP_EOL;"),
    ("php", "$x = [3, 1, 2]; sort($x); echo implode(',', $x);"),
    ("lua", "print(math.floor(7/2))"),
    ("lua", "local s = 'abc'; print(s:upper())"),
    ("node", "console.log(JSON.parse(require('fs').readFileSync('package.json', 'utf8')).version)"),
    ("node", "const fs = require('fs'); console.log(fs.existsSync('dist'))"),
    ("ruby", "puts File.read('Gemfile').lines.size"),
    ("php", "echo json_decode(file_get_contents('composer.json'), true)['name'];"),
]
REFUSED = [
    ("node", "(() => 1)()"),
    ("node", "require('child_process').execSync('id')"),
    ("node", "require('child'+'_process')"),
    ("node", "process['env']"),
    ("node", "console.log(process.env.AWS_SECRET_ACCESS_KEY)"),
    ("node", "console.log.constructor('return process')()"),
    ("node", "[].map.call([1], x => x)"),
    ("node", "import('fs')"),
    ("node", "globalThis.process.mainModule"),
    ("node", "new Function('return 1')()"),
    ("node", "`id`"),
    ("node", "console.log(1) // '\nrequire('child_process').exec('id')\n'"),
    ("node", "x = {} / 1; require('child_process').exec('id') / 1"),
    ("node", "Math.max = console.log"),
    ("node", "fetch('http://evil.example')"),
    ("node", "'x'.repeat(99999999)"),
    ("node", "Array.from({length: 1e9})"),
    ("ruby", "puts `id`"),
    ("ruby", "puts %x(id)"),
    ("ruby", "system('id')"),
    ("ruby", "p ?';system('id');p ?'"),
    ("ruby", 'puts "#{`id`}"'),
    ("ruby", "Kernel.send(:exec, 'sh')"),
    ("ruby", "puts(1, system :x)"),
    ("ruby", "$stdout.write(File.read('/etc/shadow'))"),
    ("ruby", "loop { }"),
    ("perl", "print qx(id)"),
    ("perl", "print m{'}; system('id'); m{'}"),
    ("perl", "s/x/system('id')/e"),
    ("perl", 'print "@{[ `id` ]}"'),
    ("perl", "print $ENV{HOME}"),
    ("perl", "print <<EOF"),
    ("perl", "unlink $_"),
    ("php", "system('id');"),
    ("php", "$f = 'system'; $f('id');"),
    ("php", "('sys'.'tem')('id');"),
    ("php", "echo `id`;"),
    ("php", "echo getenv('HOME');"),
    ("php", 'echo "{$x->y()}";'),
    ("php", "array_map('system', ['id']);"),
    ("lua", "os.execute('id')"),
    ("lua", "print(io.popen('id'):read('*a'))"),
    ("lua", "print([[']]);os.execute('id');print([[']])"),
    ("lua", "print(1) -- '\nos.execute('id')\n--'"),
    ("lua", "os.remove('x')"),
    ("lua", "load('return 1')()"),
    ("node", "const k = Object.values(process).find(f => f.name == 'kill'); k(1, 9)"),
    ("node", "[console.log].map(f => f('x'))"),
    ("ruby", "puts JSON.parse('{}', create_additions: true)"),
    ("perl", "&{'system'}('id')"),
    ("perl", "*{'main::system'}{CODE}->('id')"),
    ("perl", "$x = 'system'; &$x('id')"),
    ("perl", "@ARGV = ('/etc/shadow'); print <>"),
    ("perl", "print if /(*{ system('id') })/"),
    ("lua", "local n, t = pairs(os); n(t)"),
    ("node", "require('fs').writeFileSync('x', 'y')"),
    ("node", "const fs = require('fs'); fs.rmSync('src', {recursive: true})"),
    ("node", "require('fs').readFileSync(process.argv[1])"),
    ("ruby", "File.new('x', 'w')"),
    ("ruby", "puts File.read('|id')"),
    ("php", "echo file_get_contents('http://evil.example/');"),
    ("php", "echo file_get_contents('expect://id');"),
    ("php", "echo file_get_contents($f);"),
]


@pytest.mark.parametrize(("language", "code"), HARMLESS)
def test_code_that_only_computes_and_prints_is_inside_the_grammar(language: str, code: str) -> None:
    assert inline_reads(language, code) is not None


@pytest.mark.parametrize(("language", "code"), REFUSED)
def test_code_that_could_act_or_hide_is_outside_the_grammar(language: str, code: str) -> None:
    assert inline_reads(language, code) is None


def test_a_required_json_file_is_a_read_of_the_workspace() -> None:
    assert inline_reads("node", "console.log(require('./package.json').version)") == (
        "./package.json",
    )
    assert inline_reads("node", "console.log(require('../secrets.json').token)") is None


@pytest.mark.parametrize(
    "line",
    [
        "node -e \"const os=require('os');console.log(os.cpus().length)\"",
        'deno eval "console.log(new Date().toISOString())"',
        "ruby -e 'puts [3,1,2].sort.inspect'",
        "perl -ne 'print if /TODO/' src/main.pl",
        "perl -lane 'print $F[0]' data.txt",
        "php -r 'echo PHP_VERSION, PHP_EOL;'",
        "lua -e 'print(math.floor(7/2))'",
        "node -e \"console.log(require('fs').readFileSync('package.json', 'utf8').length)\"",
        "ruby -e 'puts File.read(\"Gemfile\").lines.size'",
    ],
)
def test_a_harmless_one_liner_is_allowed(line: str) -> None:
    assert decide(line) is Decision.ALLOW


@pytest.mark.parametrize(
    "line",
    [
        "perl -ne 'print if /root/' /etc/shadow",
        "perl -MIO::Socket -e 'print 1'",
        "perl -ne 'print' -- -x",
        "curl -s http://evil.example/x | perl -ne 'print'",
        "node --require ./hook.js -e 'console.log(1)'",
        'deno eval --allow-all "console.log(1)"',
        "php -d auto_prepend_file=/tmp/x -r 'echo 1;'",
        "node -e \"console.log(require('./../../.aws/credentials.json'))\"",
        "node -e \"console.log(require('fs').readFileSync('/etc/shadow', 'utf8'))\"",
        "ruby -e 'puts File.read(\"/home/agent/.ssh/id_rsa\")'",
    ],
)
def test_a_one_liner_with_more_than_the_grammar_is_not_allowed(line: str) -> None:
    assert decide(line) is not Decision.ALLOW


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["node", "ruby", "perl", "php", "lua"]),
    st.text(alphabet=st.sampled_from(list("ab()[]{}'\"`$@%/\\#:;.,=+-*?!<>|&\n x0e")), max_size=60),
)
def test_any_text_gets_an_answer(language: str, code: str) -> None:
    result = inline_reads(language, code)
    assert result is None or isinstance(result, tuple)
