/**
 * Finds the WebGPU adapter before tfjs does, so the engine can refuse a software
 * one (SwiftShader's fallback adapter computes on the CPU, slower than wasm) and
 * say which GPU it runs on.
 */
import { SOFTWARE_GPU } from './software-gpu.ts';

/** A WebGPU adapter as the browser describes it. */
export interface WebgpuAdapterInfo {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** The browser marks it as a fallback adapter, or it names a software rasterizer. */
  software: boolean;
}

/** Minimal shapes of the WebGPU API this file reads (the DOM typings of this TypeScript lack WebGPU). */
interface GpuAdapterLike {
  info?: Partial<Record<'vendor' | 'architecture' | 'device' | 'description', string>> & {
    isFallbackAdapter?: boolean;
  };
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

/** "vendor architecture device description", skipping what the browser leaves empty. */
export function describeAdapter(info: WebgpuAdapterInfo): string {
  const words = [info.vendor, info.architecture, info.device, info.description].filter((w) => w !== '');
  const name = words.length > 0 ? words.join(' ') : 'unnamed adapter';
  return info.software && !SOFTWARE_GPU.test(name) ? `${name} (fallback adapter)` : name;
}

/** The high-performance adapter (the one tfjs will ask for), or why there is none. */
export async function requestWebgpuAdapter(): Promise<{ info: WebgpuAdapterInfo } | { refusal: string }> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu)
    return {
      refusal:
        typeof isSecureContext !== 'undefined' && !isSecureContext
          ? 'no navigator.gpu: WebGPU needs a secure context (https or localhost)'
          : 'no navigator.gpu: this browser does not offer WebGPU here',
    };
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return { refusal: `navigator.gpu.requestAdapter() threw ${(error as Error).message}` };
  }
  if (!adapter)
    return {
      refusal:
        'navigator.gpu.requestAdapter() returned no adapter (no usable GPU, or WebGPU is disabled for it)',
    };
  const raw = adapter.info ?? {};
  const text = (value: string | undefined) => (typeof value === 'string' ? value : '');
  const info = {
    vendor: text(raw.vendor),
    architecture: text(raw.architecture),
    device: text(raw.device),
    description: text(raw.description),
  };
  const fallback = Boolean(raw.isFallbackAdapter ?? adapter.isFallbackAdapter);
  const named = Object.values(info).join(' ');
  return { info: { ...info, software: fallback || SOFTWARE_GPU.test(named) } };
}
