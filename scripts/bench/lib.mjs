// Shared by the benchmark scripts: run a command many times, interleaved with its peers so that machine
// noise hits all of them alike, and report medians.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

export function timeOnce(cmd, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, code }));
  });
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** cases: [{ name, cmd, args, env }]; returns { name: medianMs }. */
export async function measure(cases, runs = 25, warmup = 3) {
  const samples = Object.fromEntries(cases.map((c) => [c.name, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const c of cases) {
      const { ms, code } = await timeOnce(c.cmd, c.args, c.env);
      if (code !== 0) throw new Error(`${c.name} exited ${code}`);
      if (i >= warmup) samples[c.name].push(ms);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

export const fmt = (ms) => `${ms.toFixed(1)} ms`;
export const ratio = (a, b) => (a / b).toFixed(2);

/**
 * How a program's file sits in the page cache changes its start-up: a file just written (a fresh build) is
 * cached in large folios that map in big chunks, fewer page faults and a faster start than the same file
 * read back from the disk (measured: a build made minutes earlier looked 6-9 % slower at start-up than one
 * made just before the run, with the same instruction counts). So the programs compared are dropped from
 * the page cache once, before the warm-up runs: all of them are then read back the same way.
 */
export function dropFromPageCache(file) {
  execFileSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none']);
}

/** A private copy of an executable in dir (a build running meanwhile cannot change it), as `name`. */
export function privateCopy(file, dir, name = basename(file)) {
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, name);
  copyFileSync(file, copy);
  chmodSync(copy, 0o755);
  return copy;
}
