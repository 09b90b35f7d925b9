import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWidget } from '../../fixtures/widget-host/serve.ts';

let built: string | null = null;

/**
 * The built widget, once per test process: e2e/widget.spec.ts builds into
 * <tmp>/localshelf-widget-<pid>, so when it ran earlier in this process that build is
 * reused; otherwise build once and keep the folder for the other reliability specs.
 */
export function widgetBuild(): string {
  if (built) return built;
  const earlier = join(tmpdir(), `localshelf-widget-${process.pid}`);
  const script = join(earlier, 'localshelf.iife.js');
  // Only a build made by this process: pids are reused, and an old folder may hold an old widget.
  const startedAt = Date.now() - process.uptime() * 1000;
  built = existsSync(script) && statSync(script).mtimeMs >= startedAt ? earlier : buildWidget();
  return built;
}
