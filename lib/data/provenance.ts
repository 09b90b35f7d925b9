import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The current git commit (with "-dirty" when tracked files changed), or "unknown". */
export function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    return sha;
  } catch {
    return 'unknown';
  }
}

/** Whether any of `paths` differ from the committed version (results must come from committed code). */
export function dirtyPaths(paths: readonly string[]): string[] {
  try {
    const out = execFileSync('git', ['status', '--porcelain', '--', ...paths], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
  } catch {
    return [];
  }
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
