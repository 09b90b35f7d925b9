import { expect, test } from '@playwright/test';
import { openHarness } from './support/harness.ts';

test.describe('the worker that owns TensorFlow.js', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  test('runs on WebGL (SwiftShader here) when software WebGL is allowed, and reports the renderer', async ({
    page,
  }) => {
    const result = await page.evaluate(async () => {
      const client = window.engine.WorkerClient.start();
      const info = await client.call('init', {
        backends: ['webgl', 'wasm', 'cpu'],
        allowSoftwareWebgl: true,
      });
      const probe = await client.call('probe', { size: 64 });
      const status = await client.call('status', {});
      client.terminate();
      return { info, probe, status };
    });
    expect(result.info.name).toBe('webgl');
    expect(result.info.renderer).toMatch(/SwiftShader/i);
    expect(result.info.fallbacks).toEqual([]);
    expect(result.probe.backend).toBe('webgl');
    // Mean of a product of two U(0,1) 64×64 matrices is about 64/4 = 16.
    expect(result.probe.checksum).toBeGreaterThan(12);
    expect(result.probe.checksum).toBeLessThan(20);
    expect(result.status.backend?.name).toBe('webgl');
    expect(result.status.memory.numTensors).toBeGreaterThanOrEqual(0);
  });

  test('with software GPUs refused (the production default) it tries WebGPU, then WebGL, settles on wasm and says why', async ({
    page,
  }) => {
    const info = await page.evaluate(async () => {
      const client = window.engine.WorkerClient.start();
      const info = await client.call('init', {});
      const probe = await client.call('probe', { size: 16 });
      client.terminate();
      return { ...info, probeBackend: probe.backend, cores: navigator.hardwareConcurrency };
    });
    expect(info.name).toBe('wasm');
    expect(info.probeBackend).toBe('wasm');
    expect(info.renderer).toBeNull();
    expect(info.fallbacks.map((f) => f.backend)).toEqual(['webgpu', 'webgl']);
    // Chromium here offers only SwiftShader's fallback adapter (with --enable-unsafe-webgpu).
    expect(info.fallbacks[0]!.reason).toMatch(
      /only a software adapter \(google swiftshader.*allowSoftwareWebgpu is false/,
    );
    expect(info.fallbacks[1]!.reason).toMatch(/software renderer .*SwiftShader.*allowSoftwareWebgl is false/);
    // The dev server sends COOP/COEP, so threads are possible; by default they are used from four cores.
    expect(info.wasm).toMatchObject({ simd: true, crossOriginIsolated: true });
    // The worker's features, detected once there, are what it decided by and what the devtools show.
    expect(info.features).toMatchObject({
      cores: info.cores,
      crossOriginIsolated: true,
      offscreenCanvas: true,
    });
    if (info.cores < 4) expect(info.wasm!.threadsOff).toMatch(/^only \d cores here: one thread is faster/);
    else expect(info.wasm!.threadsOff).toBeNull();
  });

  test('with wasmThreads true it runs the threaded SIMD binary on a cross-origin-isolated page', async ({
    page,
  }) => {
    const info = await page.evaluate(async () => {
      const client = window.engine.WorkerClient.start();
      const info = await client.call('init', { backends: ['wasm'], wasmThreads: true });
      const probe = await client.call('probe', { size: 64 });
      client.terminate();
      return { ...info, checksum: probe.checksum };
    });
    expect(info.wasm).toMatchObject({ simd: true, crossOriginIsolated: true, threadsOff: null });
    expect(info.checksum).toBeGreaterThan(12);
    expect(info.checksum).toBeLessThan(20);
  });

  test('with wasmThreads false it runs the single-threaded SIMD binary and says so', async ({ page }) => {
    const info = await page.evaluate(async () => {
      const client = window.engine.WorkerClient.start();
      const info = await client.call('init', { backends: ['wasm'], wasmThreads: false });
      client.terminate();
      return info;
    });
    expect(info.wasm).toEqual({
      simd: true,
      threads: 1,
      crossOriginIsolated: true,
      threadsOff: 'wasmThreads is false',
    });
  });

  test('runs on WebGPU (SwiftShader here) when a software adapter is allowed, and names the adapter', async ({
    page,
  }) => {
    const result = await page.evaluate(async () => {
      const client = window.engine.WorkerClient.start();
      const info = await client.call('init', { allowSoftwareWebgpu: true });
      const probe = await client.call('probe', { size: 64 });
      client.terminate();
      return { info, probe };
    });
    expect(result.info).toMatchObject({ name: 'webgpu', softwareRenderer: true, fallbacks: [], wasm: null });
    expect(result.info.renderer).toMatch(/swiftshader/i);
    expect(result.info.adapter).toMatchObject({
      vendor: 'google',
      architecture: 'swiftshader',
      software: true,
    });
    expect(result.probe.backend).toBe('webgpu');
    expect(result.probe.checksum).toBeGreaterThan(12);
    expect(result.probe.checksum).toBeLessThan(20);
  });

  test('errors cross the boundary with their name and message', async ({ page }) => {
    const error = await page.evaluate(async () => {
      const client = window.engine.WorkerClient.start();
      await client.call('init', { backends: ['cpu'] });
      try {
        await client.call('probe', { size: -1 });
        return null;
      } catch (e) {
        return { name: (e as Error).name, message: (e as Error).message };
      } finally {
        client.terminate();
      }
    });
    expect(error).toEqual({
      name: 'RangeError',
      message: 'probe size is -1; expected an integer from 1 to 4096',
    });
  });
});
