import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/**
 * Finds the Chromium the tests drive: $CHROMIUM_PATH, then Debian's
 * /usr/bin/chromium, then Playwright's own download if one exists.
 * Playwright cannot download a browser on these machines, so say how to get one.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(
        `CHROMIUM_PATH is "${fromEnv}", but no file exists there; expected the path of a Chromium binary`,
      );
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // No bundled browser registered.
  }
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`, which gives /usr/bin/chromium) ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}

/** Launch options for every test and benchmark. */
export function chromiumLaunchOptions(): LaunchOptions {
  const args = [
    // Closed network here: keep Chromium from trying to phone home at start-up.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    // WebGL in headless Chromium runs on SwiftShader (software); allow it explicitly.
    '--enable-unsafe-swiftshader',
    '--use-angle=swiftshader',
    // WebGPU off a GPU: Chromium offers SwiftShader's fallback adapter only with this flag,
    // so the WebGPU path runs in tests (the engine still refuses it unless allowSoftwareWebgpu).
    '--enable-unsafe-webgpu',
  ];
  // Chromium's sandbox refuses to run as root.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return { executablePath: findChromium(), args };
}
