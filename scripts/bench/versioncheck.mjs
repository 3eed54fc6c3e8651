// The daily version check's cost to a command (src/selfupdate/check.ts), measured on the built executable
// (npm run build first). The check runs only when stderr is a terminal, so every run here gets a pty as its
// stderr (a python3 helper holds the master side and drains it). The release feed (KUBECTL_GS_RELEASES_URL)
// is a loopback server that accepts every connection and never answers, so a check that waited for it
// would show. `kubectl-gs version`, telemetry off, runs interleaved, medians:
//   off                 KUBECTL_GS_DISABLE_VERSION_CHECK=1 (the peer)
//   on, not due         checked less than a day ago: the state file is read, nothing else
//   on, due             the day's check: claims it and starts the background refresh (__version-check)
//   on, due + notice    the same, and a newer version known from the last refresh: one line on stderr
// Goal (the telemetry bound, scripts/bench/telemetry.mjs): <= 5 ms added for each. After each due run the
// bench waits until its refresh has connected to the feed (so its start-up does not land on the next run);
// the refreshes then hang on the feed, and must end by themselves within REFRESH_DEADLINE_MS (10 s) plus
// the 0.5 s hard stop: how long each took to connect, how long the feed held it, and what is left after.
// Wall time on a shared machine moves by more than 5 ms, so each case's instructions are also counted
// (valgrind's callgrind, the command alone: the refresh it starts runs outside valgrind), median of
// BENCH_CALLGRIND_RUNS (3); skipped without valgrind.
// KGS_BENCH_BASELINE=<another kubectl-gs executable> adds its rows (off, on due), measured in the same run.
import { spawn } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const exe = join(root, 'dist/kubectl-gs');
const RUNS = Number(process.env.BENCH_RUNS || 31);
const WARMUP = 3;
const DAY = 24 * 60 * 60 * 1000;
const DEADLINE_MS = 10_000; // REFRESH_DEADLINE_MS, src/selfupdate/check.ts

async function until(what, timeoutMs) {
  const end = performance.now() + timeoutMs;
  while (!what()) {
    if (performance.now() > end) return false;
    await new Promise((r) => setTimeout(r, 2));
  }
  return true;
}

/** A pty whose master side a python3 process holds and reads (counting bytes); its slave opened here. */
async function pty() {
  const py = spawn('python3', ['-c', [
    'import os, pty, sys',
    'm, s = pty.openpty()',
    'print(os.ttyname(s), flush=True)',
    'n = 0',
    'while True:',
    '    try: d = os.read(m, 65536)',
    '    except OSError: break',
    '    if not d: break',
    '    n += len(d)',
    '    print(n, flush=True)',
  ].join('\n')], { stdio: ['ignore', 'pipe', 'inherit'] });
  // The first line is the slave's path, every later one the byte count so far.
  const lines = [];
  let pending = '';
  py.stdout.on('data', (d) => {
    const parts = (pending + d).split('\n');
    pending = parts.pop();
    lines.push(...parts);
  });
  if (!(await until(() => lines.length > 0, 10_000))) throw new Error('python3 opened no pty');
  const path = lines[0];
  const fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY);
  return {
    fd,
    /** Bytes written to the terminal so far. */
    bytes: () => (lines.length > 1 ? Number(lines[lines.length - 1]) : 0),
    close() {
      closeSync(fd);
      py.kill();
    },
  };
}

/** Accepts every connection and never answers; records when each opened and closed. */
async function hangingFeed() {
  const connections = [];
  const sockets = new Set();
  const server = createServer((socket) => {
    const c = { openedAt: performance.now(), closedAt: undefined };
    connections.push(c);
    sockets.add(socket);
    socket.resume(); // reads the request (and the end of the connection), answers nothing
    socket.on('error', () => {});
    socket.on('close', () => {
      c.closedAt = performance.now();
      sockets.delete(socket);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/repos/giantswarm/kubectl-gs`,
    connections,
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

function runOnce(program, env, stderrFd) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(program, ['version'], { env, stdio: ['ignore', 'pipe', stderrFd] });
    child.stdout.resume();
    child.on('error', reject);
    child.on('exit', (code) => {
      const exitedAt = performance.now();
      if (code !== 0) reject(new Error(`kubectl-gs version exited ${code}`));
      else resolve({ ms: exitedAt - start, exitedAt });
    });
  });
}

/** Pids of refreshes (__version-check) started for this cache folder, from /proc. */
function refreshersOf(cache) {
  return readdirSync('/proc').filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('__version-check')
        && readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`XDG_CACHE_HOME=${cache}`);
    } catch {
      return false;
    }
  });
}

const feed = await hangingFeed();
const tty = await pty();
const home = mkdtempSync(join(tmpdir(), 'kgs-bench-vcheck-'));
const base = { ...process.env };
for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'CI', 'GITHUB_ACTIONS', 'KUBECTL_GS_DISABLE_VERSION_CHECK']) delete base[k];

function userCase(name, state, extra = {}, program = exe) {
  const cache = join(home, name.replace(/\W+/g, '-'), 'cache');
  const stateFile = join(cache, 'kubectl-gs/version-check.json');
  mkdirSync(dirname(stateFile), { recursive: true });
  return {
    name,
    program,
    cache,
    due: state?.().checkedAt < Date.now() - DAY,
    prepare: () => state && writeFileSync(stateFile, JSON.stringify(state())),
    readState: () => JSON.parse(readFileSync(stateFile, 'utf8')),
    env: { ...base, XDG_CACHE_HOME: cache, XDG_CONFIG_HOME: join(cache, '../config'), KUBECTL_GS_TELEMETRY_OPTOUT: '1', KUBECTL_GS_RELEASES_URL: feed.url, ...extra },
    samples: [],
    printed: 0,
  };
}

const claimedLongAgo = () => Date.now() - 2 * DAY;
const cases = [
  userCase('off', undefined, { KUBECTL_GS_DISABLE_VERSION_CHECK: '1' }),
  userCase('on, not due', () => ({ checkedAt: Date.now() - 60_000 })),
  userCase('on, due', () => ({ checkedAt: claimedLongAgo() })),
  userCase('on, due + notice', () => ({ checkedAt: claimedLongAgo(), latest: '999.0.0' })),
];
const baseline = process.env.KGS_BENCH_BASELINE;
if (baseline) {
  cases.push(userCase('baseline: off', undefined, { KUBECTL_GS_DISABLE_VERSION_CHECK: '1' }, baseline));
  cases.push(userCase('baseline: on, due', () => ({ checkedAt: claimedLongAgo() }), {}, baseline));
}
const exits = [];
process.stderr.write('measuring: version check, feed accepts and never answers\n');
for (let i = 0; i < WARMUP + RUNS; i++) {
  for (const c of cases) {
    c.prepare();
    const printedBefore = tty.bytes();
    const connectionsBefore = feed.connections.length;
    const r = await runOnce(c.program, c.env, tty.fd);
    if (i >= WARMUP) c.samples.push(r.ms);
    if (c.due) {
      // The check ran: the day is claimed, and its refresh connects to the feed (waited for, outside the timing).
      if (c.readState().checkedAt < Date.now() - DAY) throw new Error(`${c.name}: the day was not claimed`);
      if (!(await until(() => feed.connections.length > connectionsBefore, 10_000))) throw new Error(`${c.name}: no refresh reached the feed`);
      exits.push({ exitedAt: r.exitedAt, connection: feed.connections[feed.connections.length - 1] });
    } else if (feed.connections.length !== connectionsBefore) {
      throw new Error(`${c.name}: a refresh was started`);
    }
    await until(() => tty.bytes() > printedBefore, c.name.endsWith('notice') ? 2000 : 0);
    if (tty.bytes() > printedBefore) c.printed++;
  }
}

/** Instructions (millions) the command executes, its stderr on the terminal; undefined without valgrind. */
async function instructions(c) {
  const log = join(home, 'callgrind.log');
  c.prepare();
  const code = await new Promise((resolve) => {
    const child = spawn('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', `--log-file=${log}`, c.program, 'version'],
      { env: c.env, stdio: ['ignore', 'ignore', tty.fd] });
    child.on('error', () => resolve(-1));
    child.on('exit', resolve);
  });
  const m = code === 0 ? /Collected : (\d+)/.exec(readFileSync(log, 'utf8')) : null;
  return m ? Number(m[1]) / 1e6 : undefined;
}

const CALLGRIND_RUNS = Number(process.env.BENCH_CALLGRIND_RUNS || 3);
let counted = false;
process.stderr.write('measuring: instructions (callgrind)\n');
for (let i = 0; i < CALLGRIND_RUNS; i++) {
  for (const c of cases) {
    const n = await instructions(c);
    if (n === undefined) break;
    (c.instructions ??= []).push(n);
    counted = true;
  }
  if (!counted) break;
}

// Every refresh ends by itself (those of the callgrind runs too): wait until the feed saw each connection
// close, then for the processes.
await until(() => feed.connections.every((c) => c.closedAt !== undefined), DEADLINE_MS + 10_000);
const closed = exits.filter((e) => e.connection.closedAt !== undefined);
const stillOpen = feed.connections.filter((c) => c.closedAt === undefined).length;
await until(() => cases.every((c) => refreshersOf(c.cache).length === 0), 2000);
const leftover = cases.reduce((n, c) => n + refreshersOf(c.cache).length, 0);
feed.close();
tty.close();
rmSync(home, { recursive: true, force: true });

/** Each case against the off case of its own executable. */
const peerOf = (c) => cases.find((p) => p.program === c.program);
const signed = (v) => (v >= 0 ? '+' : '-') + Math.abs(v).toFixed(1).padStart(5);
console.log(`## version check: "kubectl-gs version" with stderr on a terminal, feed accepts and never answers (medians of ${RUNS}, interleaved; goal <= 5 ms added, the telemetry bound)`);
console.log('(added = median(case) - median(off of the same executable); paired = median of (case - off) over the same iterations)');
console.log(`case                   median     added      paired     ratio   notice printed${counted ? `  instructions (median of ${CALLGRIND_RUNS}), added` : ''}`);
for (const c of cases) {
  const peer = peerOf(c);
  const off = median(peer.samples);
  const m = median(c.samples);
  const paired = median(c.samples.map((v, i) => v - peer.samples[i]));
  const ins = counted ? `  ${median(c.instructions).toFixed(1).padStart(7)} M  ${signed(median(c.instructions) - median(peer.instructions))} M (${(median(c.instructions) / median(peer.instructions)).toFixed(3)}x)` : '';
  console.log(`${c.name.padEnd(21)}  ${m.toFixed(1).padStart(6)} ms  ${signed(m - off)} ms  ${signed(paired)} ms  ${(m / off).toFixed(2)}x  ${String(c.printed).padStart(6)}/${WARMUP + RUNS}${ins}`);
}
const seconds = (values) => `median ${(median(values) / 1000).toFixed(2)} s, max ${(Math.max(...values) / 1000).toFixed(2)} s`;
console.log(`refreshes started: ${exits.length}; connected to the feed ${seconds(closed.map((e) => e.connection.openedAt - e.exitedAt))} after their command exited;`);
console.log(`  then held by the feed ${seconds(closed.map((e) => e.connection.closedAt - e.connection.openedAt))} (deadline ${DEADLINE_MS / 1000} s); gone ${seconds(closed.map((e) => e.connection.closedAt - e.exitedAt))} after their command`);
console.log(`  connections still open: ${stillOpen}; refresh processes left after that: ${leftover}`);
if (stillOpen || leftover) process.exitCode = 1;
