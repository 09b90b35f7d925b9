/**
 * `npm run typecheck`: one tsc program per place code runs (tsconfig.page/worker/node/test.json),
 * so each file is checked against that place's globals only, and a file two places share is
 * checked against both. Two programs at a time (these machines have 2 cores); each keeps an
 * incremental cache in .tsbuild/, so a second run re-checks only what changed.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

// Largest first, so the last one to start is a short one.
const PROJECTS = ['tsconfig.test.json', 'tsconfig.node.json', 'tsconfig.page.json', 'tsconfig.worker.json'];

function check(project: string): Promise<{ project: string; ok: boolean; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--pretty'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ project, ok: code === 0, output, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

const queue = [...PROJECTS];
const failed: string[] = [];
async function worker(): Promise<void> {
  for (let project = queue.shift(); project; project = queue.shift()) {
    const result = await check(project);
    if (result.output) process.stdout.write(result.output);
    console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${project} (${result.seconds.toFixed(1)} s)`);
    if (!result.ok) failed.push(project);
  }
}
await Promise.all(Array.from({ length: Math.min(2, availableParallelism(), PROJECTS.length) }, worker));
if (failed.length) {
  console.error(`typecheck failed in ${failed.join(', ')}`);
  process.exit(1);
}
