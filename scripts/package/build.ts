/**
 * `npm run build:package` (also run by `npm pack` / `npm publish` as `prepack`): the files the
 * npm package ships, in dist/.
 *
 *  - dist/widget/: the widget bundles (localshelf.js, localshelf.iife.js), the engine and React
 *    ES entries (engine.js, react.js), the worker and wasm under assets/, and
 *    THIRD-PARTY-LICENSES.txt; the folder a site can also copy as is;
 *  - dist/types/: the declarations (.d.ts) of the three entries.
 *
 * tsc (the slowest step) writes the declarations while the bundles build: the widget first
 * (its build empties dist/widget), then the two ES entries one after the other (both extend
 * the license file).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TYPES_DIR = 'dist/types';

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

const vite = (entry: string) =>
  run('npx', ['vite', 'build', '--config', 'vite.widget.config.ts', '--logLevel', 'warn'], {
    LOCALSHELF_ENTRY: entry,
    LOCALSHELF_WIDGET_OUT: 'dist/widget',
  });

/** The sources import with `.ts` (allowImportingTsExtensions); a consumer's TypeScript wants the `.js` of the output. */
function rewriteImports(dir: string): number {
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files += rewriteImports(path);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)\.tsx?\2/g, '$1$2$3.js$2'));
      files++;
    }
  }
  return files;
}

rmSync(TYPES_DIR, { recursive: true, force: true });
await Promise.all([
  vite('widget')
    .then(() => vite('engine'))
    .then(() => vite('react')),
  run('npx', ['tsc', '-p', 'tsconfig.package.json']),
]);
console.log(`declarations: ${rewriteImports(TYPES_DIR)} files in ${TYPES_DIR}`);
