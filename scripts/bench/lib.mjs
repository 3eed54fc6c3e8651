// Shared by the benchmark scripts: run a command many times, interleaved with its peers so that machine
// noise hits all of them alike, and report medians.
import { spawn } from 'node:child_process';

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
