// Usage telemetry's cost and delivery, measured on the built executable (npm run build first):
//  1. Added wall time: `kubectl-gs version` with telemetry on vs off (KUBECTL_GS_TELEMETRY_OPTOUT=1), runs
//     interleaved, medians, for each endpoint behaviour: answers at once, answers after 2 s, accepts and
//     never answers, refuses, DNS fails (.invalid), drops packets (a full accept queue on loopback: the
//     kernel drops SYNs), and DNS never answers (a silent resolver inside a network namespace we create).
//     Goal: <= 5 ms added for every behaviour.
//  2. Delivery: >= 200 invocations against a receiver answering within 200 ms; share of signals that
//     arrived (each invocation's own signal, identified by its session ID), duplicates, left in the spool.
//     Goal: >= 99 % arrive, <= 1 % duplicates.
//  3. Process lifetime: how long after the process exits its output pipes stay open (a leftover child
//     would hold them) and whether any kubectl-gs process is left; goal: nothing outlives it by > 5 s.
//  4. The spool flusher (src/telemetry/flush.ts): an https endpoint slow to connect (TCP accepted, TLS
//     handshake held), so the signal is spooled and a helper process is started. Runs interleaved: off;
//     on, within the flush interval (spooled, no helper); on, interval elapsed (spooled + helper spawned).
//     The spawn's cost to the parent = on-with-helper minus on-without; goal: <= 2 ms (it happens at most
//     once a minute). Also how long the helper lives (the endpoint drops it after 150 ms here).
// Everything stays on loopback.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const exe = join(root, 'dist/kubectl-gs');
const RUNS = Number(process.env.BENCH_RUNS || 31);
const DELIVERY_RUNS = Number(process.env.BENCH_DELIVERY_RUNS || 200);

function home() {
  const dir = mkdtempSync(join(tmpdir(), 'kgs-bench-tele-'));
  mkdirSync(join(dir, 'config/kubectl-gs'), { recursive: true });
  // Notice already shown: every run sends (or spools).
  writeFileSync(join(dir, 'config/kubectl-gs/telemetry.json'), JSON.stringify({ noticeShownAt: '2026-01-01T00:00:00Z' }));
  return { XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache'), dir };
}

function baseEnv(extra) {
  const env = { ...process.env, ...extra };
  for (const k of ['KUBECTL_GS_TELEMETRY_OPTOUT', 'DO_NOT_TRACK', 'HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'KUBECTL_GS_TELEMETRY_DEBUG']) delete env[k];
  return { ...env, ...extra, KUBECTL_GS_TELEMETRY_TESTMODE: '1' };
}

/** Runs once; resolves wall time to exit, and how long the pipes stayed open after exit. */
function runOnce(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let exitAt;
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('exit', (code) => {
      exitAt = process.hrtime.bigint();
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`));
    });
    child.on('close', () => {
      const closeAt = process.hrtime.bigint();
      resolve({ ms: Number(exitAt - start) / 1e6, pipesOpenAfterExitMs: Number(closeAt - exitAt) / 1e6 });
    });
  });
}

function receiver(delayMs) {
  const sessions = [];
  let requests = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests++;
      try {
        for (const s of JSON.parse(body)) sessions.push(s.sessionID);
      } catch {}
      if (delayMs === Infinity) return;
      setTimeout(() => res.on('error', () => {}).end('{}'), typeof delayMs === 'function' ? delayMs() : delayMs);
    });
    req.on('error', () => {});
  });
  server.on('clientError', (_e, s) => s.destroy());
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({
    endpoint: `http://127.0.0.1:${server.address().port}/v2/`, sessions, requests: () => requests,
    close: () => { server.closeAllConnections(); server.close(); },
  })));
}

async function refusedEndpoint() {
  const s = createNetServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const port = s.address().port;
  await new Promise((r) => s.close(r));
  return { endpoint: `http://127.0.0.1:${port}/v2/`, close() {} };
}

/** A listening socket that never accepts, its accept queue full: the kernel drops further SYNs. */
async function droppingEndpoint() {
  const py = spawn('python3', ['-c', 'import socket,time\ns=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(0)\nprint(s.getsockname()[1], flush=True)\ntime.sleep(3600)'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((r) => py.stdout.once('data', (d) => r(Number(String(d).trim()))));
  const fillers = [];
  for (let i = 0; i < 2; i++) {
    fillers.push(connect(port, '127.0.0.1').on('error', () => {}));
    await new Promise((r) => setTimeout(r, 50));
  }
  return { endpoint: `http://127.0.0.1:${port}/v2/`, close() { fillers.forEach((f) => f.destroy()); py.kill(); } };
}

function spoolCount(h) {
  try {
    return readdirSync(join(h.XDG_CACHE_HOME, 'kubectl-gs/telemetry/spool')).filter((n) => n.endsWith('.json')).length;
  } catch {
    return 0;
  }
}

/**
 * kubectl-gs processes still running 5 s after the last run's exit. (A spool flusher started by a run
 * whose endpoint was slow may run for up to 4 s after it; it must be gone by then.)
 */
function leftoverProcesses() {
  const count = () => spawnSync('pgrep', ['-f', exe], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).length;
  const until = Date.now() + 5000;
  while (count() > 0 && Date.now() < until) spawnSync('sleep', ['0.1']);
  return count();
}

async function addedWallTime(name, endpoint) {
  const h = home();
  const on = baseEnv({ ...h, KUBECTL_GS_TELEMETRY_ENDPOINT: endpoint });
  const off = baseEnv({ ...h, KUBECTL_GS_TELEMETRY_OPTOUT: '1' });
  const samples = { on: [], off: [] };
  let pipesMax = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    for (const [k, env] of [['off', off], ['on', on]]) {
      const r = await runOnce(exe, ['version'], env);
      if (i >= 3) samples[k].push(r.ms);
      if (k === 'on') pipesMax = Math.max(pipesMax, r.pipesOpenAfterExitMs);
    }
  }
  const mOn = median(samples.on);
  const mOff = median(samples.off);
  const paired = median(samples.on.map((v, i) => v - samples.off[i]));
  return { name, off: mOff, on: mOn, added: mOn - mOff, paired, ratio: mOn / mOff, spooled: spoolCount(h), pipesMax, leftovers: leftoverProcesses() };
}

/** DNS that never answers: a silent resolver on loopback inside a network namespace of our own. */
function dnsHangsCase() {
  if (spawnSync('unshare', ['-rnm', 'true']).status !== 0) return undefined;
  const h = home();
  const resolv = join(h.dir, 'resolv.conf');
  writeFileSync(resolv, 'nameserver 127.0.0.1\noptions timeout:5 attempts:3\n');
  const script = [
    'ip link set lo up',
    `mount --bind ${resolv} /etc/resolv.conf`,
    // Silent resolver: reads queries, never answers.
    `python3 -c 'import socket,time\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM); s.bind(("127.0.0.1",53))\nwhile True: s.recv(512)' >/dev/null 2>&1 & PY=$!; sleep 0.3`,
    `${process.execPath} ${fileURLToPath(import.meta.url)} --in-namespace`,
    'kill $PY',
  ].join('\n');
  process.stderr.write('measuring: DNS never answers\n');
  const r = spawnSync('unshare', ['-rnm', 'sh', '-c', script], {
    timeout: 300_000,
    encoding: 'utf8', env: baseEnv({ ...h, KUBECTL_GS_TELEMETRY_ENDPOINT: 'https://nom.telemetrydeck.com/v2/' }),
  });
  try {
    return { name: 'DNS never answers', ...JSON.parse(r.stdout.trim().split('\n').pop()), spooled: spoolCount(h), leftovers: leftoverProcesses() };
  } catch {
    console.log(`(DNS-never-answers case failed: ${r.stderr.trim().split('\n').pop()})`);
    return undefined;
  }
}

/** Inside the namespace (see dnsHangsCase): time on vs off, print one JSON line of medians. */
async function inNamespace() {
  const on = [];
  const off = [];
  let pipesMax = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const a = await runOnce(exe, ['version'], { ...process.env, KUBECTL_GS_TELEMETRY_OPTOUT: '1' });
    const b = await runOnce(exe, ['version'], process.env);
    pipesMax = Math.max(pipesMax, b.pipesOpenAfterExitMs);
    if (i >= 3) {
      off.push(a.ms);
      on.push(b.ms);
    }
  }
  const mOn = median(on);
  const mOff = median(off);
  const paired = median(on.map((v, i) => v - off[i]));
  console.log(JSON.stringify({ off: mOff, on: mOn, added: mOn - mOff, paired, ratio: mOn / mOff, pipesMax }));
}
if (process.argv[2] === '--in-namespace') {
  await inNamespace();
  process.exit(0);
}

const rows = [];
const behaviours = [
  ['answers at once', async () => receiver(0)],
  ['answers after 2 s', async () => receiver(2000)],
  ['accepts, never answers', async () => receiver(Infinity)],
  ['refuses', refusedEndpoint],
  ['DNS fails (.invalid)', async () => ({ endpoint: 'http://telemetry.kubectl-gs.invalid/v2/', close() {} })],
  ['drops packets', droppingEndpoint],
];
const only = process.env.BENCH_ONLY; // e.g. "refuses" to measure one behaviour
for (const [name, make] of behaviours) {
  if (only && !name.startsWith(only)) continue;
  process.stderr.write(`measuring: ${name}\n`);
  const target = await make();
  try {
    rows.push(await addedWallTime(name, target.endpoint));
  } finally {
    target.close();
  }
}
const dnsHang = only && !'DNS never answers'.startsWith(only) ? undefined : dnsHangsCase();
if (dnsHang) rows.push(dnsHang);

console.log(`## telemetry: added wall time of "kubectl-gs version", on vs off (medians of ${RUNS}, interleaved; goal <= 5 ms)`);
console.log('(added = median(on) - median(off); paired = median of (on - off) over back-to-back pairs, less sensitive to load drift)');
console.log('behaviour                   off        on         added      paired     ratio  spooled  pipes open after exit (max)  left over after 5 s');
const signed = (v) => (v >= 0 ? '+' : '-') + Math.abs(v).toFixed(1).padStart(5);
for (const r of rows) {
  console.log(`${r.name.padEnd(26)}  ${r.off.toFixed(1).padStart(6)} ms  ${r.on.toFixed(1).padStart(6)} ms  ${signed(r.added)} ms  ${signed(r.paired)} ms  ${r.ratio.toFixed(2)}x  ${String(r.spooled).padStart(7)}  ${r.pipesMax.toFixed(1).padStart(8)} ms${' '.repeat(20)}${r.leftovers}`);
}

/** https endpoint that accepts TCP and never starts TLS; drops each connection after holdMs. */
async function holdingEndpoint(holdMs) {
  const server = createNetServer({ pauseOnConnect: true }, (c) => {
    c.on('error', () => {});
    setTimeout(() => c.destroy(), holdMs);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { endpoint: `https://127.0.0.1:${server.address().port}/v2/`, close: () => server.close() };
}

/** Pids of flusher processes started for this cache directory (/proc: argv and environment). */
function flushersOf(cache) {
  const out = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes('__telemetry-flush')) continue;
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`XDG_CACHE_HOME=${cache}`)) out.push(pid);
    } catch {}
  }
  return out;
}

async function flusherCost() {
  const target = await holdingEndpoint(150);
  const h = home();
  const attempt = join(h.XDG_CACHE_HOME, 'kubectl-gs/telemetry/flush-attempt');
  const on = baseEnv({ ...h, KUBECTL_GS_TELEMETRY_ENDPOINT: target.endpoint });
  const off = baseEnv({ ...h, KUBECTL_GS_TELEMETRY_OPTOUT: '1' });
  const samples = { off: [], quiet: [], spawn: [] };
  const lifetimes = [];
  let spawned = 0;
  let pipesMax = 0;
  process.stderr.write('measuring: slow to connect (flusher)\n');
  for (let i = 0; i < RUNS + 3; i++) {
    const a = await runOnce(exe, ['version'], off);
    mkdirSync(dirname(attempt), { recursive: true });
    writeFileSync(attempt, ''); // a flush attempt just now: within the interval, no helper
    const b = await runOnce(exe, ['version'], on);
    rmSync(attempt, { force: true }); // interval elapsed: this run starts a helper
    const c = await runOnce(exe, ['version'], on);
    const exitedAt = Date.now();
    pipesMax = Math.max(pipesMax, b.pipesOpenAfterExitMs, c.pipesOpenAfterExitMs);
    let seen = false;
    while (Date.now() - exitedAt < 6000) {
      const alive = flushersOf(h.XDG_CACHE_HOME).length > 0;
      seen ||= alive;
      if (!alive && (seen || Date.now() - exitedAt > 300)) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    if (seen) spawned++;
    if (i >= 3) {
      samples.off.push(a.ms);
      samples.quiet.push(b.ms);
      samples.spawn.push(c.ms);
      if (seen) lifetimes.push(Date.now() - exitedAt);
    }
  }
  target.close();
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
  const paired = median(samples.spawn.map((v, i) => v - samples.quiet[i]));
  console.log(`\n## spool flusher: https endpoint slow to connect, "kubectl-gs version" (medians of ${RUNS}, interleaved; goal: spawn <= 2 ms)`);
  console.log(`off ${m.off.toFixed(1)} ms; on, spooled, no helper ${m.quiet.toFixed(1)} ms (${signed(m.quiet - m.off)} ms); on, spooled + helper spawned ${m.spawn.toFixed(1)} ms (${signed(m.spawn - m.off)} ms)`);
  console.log(`cost of starting the helper: ${signed(m.spawn - m.quiet)} ms (paired ${signed(paired)} ms); helpers seen: ${spawned}/${RUNS + 3}`);
  console.log(`helper gone after the command's exit (endpoint drops it at 150 ms): median ${median(lifetimes).toFixed(0)} ms, max ${Math.max(...lifetimes).toFixed(0)} ms; pipes open after exit (max) ${pipesMax.toFixed(1)} ms`);
}
if (!only || 'slow to connect'.startsWith(only)) await flusherCost();

// Delivery over DELIVERY_RUNS invocations, receiver answering within 0-200 ms.
{
  const h = home();
  const rx = await receiver(() => Math.random() * 200);
  const env = baseEnv({ ...h, KUBECTL_GS_TELEMETRY_ENDPOINT: rx.endpoint });
  let pipesMax = 0;
  for (let i = 0; i < DELIVERY_RUNS; i++) {
    const r = await runOnce(exe, ['version'], env);
    pipesMax = Math.max(pipesMax, r.pipesOpenAfterExitMs);
  }
  await new Promise((r) => setTimeout(r, 500));
  const received = rx.sessions.length;
  const unique = new Set(rx.sessions).size;
  const left = spoolCount(h);
  console.log(`\n## delivery: ${DELIVERY_RUNS} invocations, receiver answering within 200 ms (goal >= 99 % arrived, <= 1 % duplicates)`);
  console.log(`arrived: ${unique}/${DELIVERY_RUNS} = ${((100 * unique) / DELIVERY_RUNS).toFixed(1)} %  (in ${rx.requests()} requests)`);
  console.log(`duplicates: ${received - unique} = ${((100 * (received - unique)) / DELIVERY_RUNS).toFixed(1)} %`);
  console.log(`still in the spool (sent by the next invocation): ${left}; lost: ${DELIVERY_RUNS - unique - left}`);
  console.log(`pipes open after exit (max over all runs): ${pipesMax.toFixed(1)} ms; kubectl-gs processes left: ${leftoverProcesses()}`);
  rx.close();
}
