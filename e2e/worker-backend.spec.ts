import { expect, test } from '@playwright/test';
import { openHarness } from './support/harness.ts';

test.describe('the worker that owns TensorFlow.js', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  test('runs on WebGL (SwiftShader here) when software WebGL is allowed, and reports the renderer', async ({
    page,
  }) => {
    const result = await page.evaluate(async () => {
      const client = window.engine.WorkerClient.start();
      const info = await client.call('init', { allowSoftwareWebgl: true });
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

  test('with software WebGL refused (the production default) it falls back to wasm and says why', async ({
    page,
  }) => {
    const info = await page.evaluate(async () => {
      const client = window.engine.WorkerClient.start();
      const info = await client.call('init', {});
      const probe = await client.call('probe', { size: 16 });
      client.terminate();
      return { ...info, probeBackend: probe.backend };
    });
    expect(info.name).toBe('wasm');
    expect(info.probeBackend).toBe('wasm');
    expect(info.renderer).toBeNull();
    expect(info.fallbacks.map((f) => f.backend)).toEqual(['webgl']);
    expect(info.fallbacks[0]!.reason).toMatch(/software renderer .*SwiftShader.*allowSoftwareWebgl is false/);
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
