/**
 * Preloaded into the build's child process (`node --import tsx --import scripts/bench/rss-hook.ts`):
 * at exit, writes to the file named by BENCH_RSS_FILE the process's peak resident set size
 * (getrusage ru_maxrss, in bytes) and the CPU time it used — which, unlike the wall time, other work
 * on the machine does not stretch. The process measures itself: Node cannot read a child's rusage.
 */
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_FILE;
if (out)
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
