// Preloaded (`node --import`) into a build run as its own process by faults.test.ts: the build's
// process kills itself with SIGKILL — no cleanup, no finally — as it is about to make its Nth write
// to the file system (KILL_AT_WRITE=N), or counts its writes and prints the count at exit
// (KILL_AT_WRITE=count). Writes are what can leave a half output: creating a folder, writing a file,
// renaming. Only the main thread writes the output; a worker's module loads are not counted.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const setting = process.env.KILL_AT_WRITE;
if (setting && isMainThread) {
  let writes = 0;
  for (const name of ['writeFileSync', 'mkdirSync', 'renameSync']) {
    const original = fs[name];
    fs[name] = function (...args) {
      writes++;
      if (setting !== 'count' && writes === Number(setting)) process.kill(process.pid, 'SIGKILL');
      return original.apply(this, args);
    };
  }
  // ESM `import { writeFileSync } from 'node:fs'` bindings follow the patched functions.
  syncBuiltinESMExports();
  if (setting === 'count') process.on('exit', () => process.stderr.write(`\nwrites: ${writes}\n`));
}
