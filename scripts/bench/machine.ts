/** The machine a run measured: what BENCHMARKS.md says it ran on. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import type { Machine } from './types';

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty) return `${pretty[1]} (${type()} ${release()})`;
  } catch {
    // not Linux, or no os-release: the kernel's name will do
  }
  return `${type()} ${release()}`;
}

/**
 * How fast this machine runs JavaScript: nanoseconds per iteration of a plain arithmetic loop, best
 * of three. Every time in the report scales with it; a figure to set beside another machine's.
 */
export function loopNanoseconds(iterations = 2e7): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    let sum = 0;
    for (let i = 0; i < iterations; i++) sum += i * 0.5;
    const ms = performance.now() - started;
    if (sum < 0) throw new Error('unreachable'); // keeps the loop from being optimised away
    best = Math.min(best, ms);
  }
  return (best * 1e6) / iterations;
}

export function describeMachine(chromiumPath: string): Machine {
  let chromium = 'Chromium (version unknown)';
  try {
    chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // the browser's own version is read again once it is launched
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    os: osName(),
    node: process.version,
    chromium,
    loopNs: loopNanoseconds(),
  };
}

export const loadAverage = () => loadavg()[0];
