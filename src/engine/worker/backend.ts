import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { BACKENDS, realmFeatures, webgl2Unavailable, type BackendName, type RealmFeatures } from '../env.ts';
import { SOFTWARE_GPU } from './software-gpu.ts';
import { startWasm, threadsDecision, threadsStartFailure } from './wasm-threads.ts';
import { describeAdapter, requestWebgpuAdapter, type WebgpuAdapterInfo } from './webgpu-adapter.ts';

/** How the wasm backend runs: which binary, and on how many threads. */
export interface WasmInfo {
  simd: boolean;
  /**
   * Threads XNNPACK reports (`getThreadsCount()`); 1 on the single-threaded binary. tfjs 4.22's
   * threaded binary reports 1 here even after `setThreadsCount` (tfjs issue #6081), so
   * bench:browser measures threaded against single-threaded instead of trusting this number.
   */
  threads: number;
  /** Whether the page is cross-origin isolated (COOP/COEP), which threads need. */
  crossOriginIsolated: boolean;
  /** Why the threaded binary is not in use; null when it is. */
  threadsOff: string | null;
}

/** Which backend runs the math, and why the ones before it were passed over. */
export interface BackendInfo {
  name: BackendName;
  /**
   * The GPU as the backend reports it: WebGL's renderer (e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader ...))")
   * or WebGPU's adapter (e.g. "nvidia ampere …"); null off the GPU.
   */
  renderer: string | null;
  /** True when `renderer` rasterizes or computes on the CPU (SwiftShader, llvmpipe, a fallback adapter). */
  softwareRenderer: boolean;
  /** The WebGPU adapter's details on webgpu; null elsewhere. */
  adapter: WebgpuAdapterInfo | null;
  /** The wasm binary and threads on wasm; null elsewhere. */
  wasm: WasmInfo | null;
  /** Every backend tried and refused before this one, with the reason. */
  fallbacks: { backend: BackendName; reason: string }[];
  /** Whether software WebGL (SwiftShader) was allowed. Tests allow it; production keeps tfjs's default (refused). */
  softwareWebglAllowed: boolean;
  /** Whether a software WebGPU adapter (SwiftShader, a fallback adapter) was allowed. Default: refused. */
  softwareWebgpuAllowed: boolean;
  /** The worker's features the choice was made with (cores and cross-origin isolation decide wasm threads). */
  features: RealmFeatures;
}

export interface BackendOptions {
  /** Backends to try, in order. Default: webgpu, webgl, wasm, cpu. */
  order?: readonly BackendName[];
  /** Allow WebGL on a software rasterizer. Default: false (tfjs refuses it as too slow). */
  allowSoftwareWebgl?: boolean;
  /** Allow WebGPU on a software adapter. Default: false (like software WebGL, slower than wasm). */
  allowSoftwareWebgpu?: boolean;
  /**
   * Use the threaded wasm binary when the page is cross-origin isolated: `'auto'` (default) on
   * machines with at least four cores, `true` always, `false` never.
   */
  wasmThreads?: boolean | 'auto';
}

// Served by Vite from node_modules, so the wasm binaries ship with our own assets.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});

/** The renderer string of the WebGL context tfjs uses. */
export function webglRenderer(): string | null {
  if (tf.getBackend() !== 'webgl') return null;
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
  if (!gl) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

/** Runs a tiny op and reads it back: a backend that initialises can still fail at its first kernel. */
async function smokeTest(): Promise<void> {
  const result = tf.tidy(() => tf.matMul(tf.ones([2, 2]), tf.ones([2, 2])).sum());
  const value = (await result.data())[0];
  result.dispose();
  if (value !== 8) throw new Error(`a 2×2 matMul returned ${value}; expected 8`);
}

/** Why tfjs could not start WebGL, in words a developer can act on. */
function webglUnavailableReason(): string {
  const reason = webgl2Unavailable();
  return reason ? `: ${reason}` : ': a WebGL2 context exists but tfjs could not initialise on it';
}

/** What was learned while trying one backend: a refusal, or what it runs on. */
type Attempt = { refusal: string } | { refusal: null; adapter: WebgpuAdapterInfo | null };

/**
 * WebGPU goes first where the browser offers a hardware adapter. Its tfjs backend is
 * loaded only then (a separate chunk), so a page without WebGPU never downloads it.
 */
async function tryWebgpu(allowSoftware: boolean): Promise<Attempt> {
  const found = await requestWebgpuAdapter();
  if ('refusal' in found) return { refusal: found.refusal };
  const { info } = found;
  if (info.software && !allowSoftware)
    return {
      refusal: `WebGPU offers only a software adapter (${describeAdapter(info)}); allowSoftwareWebgpu is false`,
    };
  await import('@tensorflow/tfjs-backend-webgpu');
  return { refusal: null, adapter: info };
}

async function wasmInfo(wanted: boolean | 'auto'): Promise<WasmInfo> {
  const decision = threadsDecision(wanted);
  const isolated = realmFeatures().crossOriginIsolated;
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threaded = Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  const threads = threaded && simd ? getThreadsCount() : 1;
  let threadsOff: string | null = null;
  if (decision.why) threadsOff = decision.why;
  else if (threadsStartFailure()) threadsOff = threadsStartFailure();
  else if (!isolated)
    threadsOff =
      'the page is not cross-origin isolated (serve it with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)';
  else if (!simd) threadsOff = 'this browser has no wasm SIMD, which the threaded binary needs';
  else if (!threaded) threadsOff = 'this browser cannot share wasm memory between threads';
  return { simd, threads, crossOriginIsolated: isolated, threadsOff };
}

async function tryBackend(
  name: BackendName,
  options: Required<Omit<BackendOptions, 'order'>>,
): Promise<Attempt> {
  try {
    let adapter: WebgpuAdapterInfo | null = null;
    if (name === 'webgpu') {
      const attempt = await tryWebgpu(options.allowSoftwareWebgpu);
      if (attempt.refusal !== null) return attempt;
      adapter = attempt.adapter;
    }
    if (
      !(await (name === 'wasm'
        ? startWasm(threadsDecision(options.wasmThreads).threads)
        : tf.setBackend(name)))
    )
      return {
        refusal: `tf.setBackend("${name}") returned false${name === 'webgl' ? webglUnavailableReason() : ''}`,
      };
    await tf.ready();
    if (tf.getBackend() !== name) return { refusal: `tfjs chose "${tf.getBackend()}" instead` };
    // Chromium does not always flag software GL as a performance caveat, so check the renderer too.
    const renderer = webglRenderer();
    if (name === 'webgl' && !options.allowSoftwareWebgl && renderer && SOFTWARE_GPU.test(renderer))
      return { refusal: `WebGL runs on a software renderer (${renderer}); allowSoftwareWebgl is false` };
    await smokeTest();
    return { refusal: null, adapter };
  } catch (error) {
    return { refusal: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/**
 * Picks the first backend in `order` that initialises and computes correctly.
 * tfjs silently falls back on its own, so every choice is verified.
 */
export async function selectBackend(options: BackendOptions = {}): Promise<BackendInfo> {
  const order = options.order ?? BACKENDS;
  const resolved = {
    allowSoftwareWebgl: options.allowSoftwareWebgl ?? false,
    allowSoftwareWebgpu: options.allowSoftwareWebgpu ?? false,
    wasmThreads: options.wasmThreads ?? 'auto',
  };
  tf.env().set('SOFTWARE_WEBGL_ENABLED', resolved.allowSoftwareWebgl);
  const fallbacks: BackendInfo['fallbacks'] = [];
  for (const name of order) {
    const attempt = await tryBackend(name, resolved);
    if (attempt.refusal === null) {
      const renderer = attempt.adapter ? describeAdapter(attempt.adapter) : webglRenderer();
      return {
        name,
        renderer,
        softwareRenderer: attempt.adapter
          ? attempt.adapter.software
          : renderer !== null && SOFTWARE_GPU.test(renderer),
        adapter: attempt.adapter,
        wasm: name === 'wasm' ? await wasmInfo(resolved.wasmThreads) : null,
        fallbacks,
        softwareWebglAllowed: resolved.allowSoftwareWebgl,
        softwareWebgpuAllowed: resolved.allowSoftwareWebgpu,
        features: realmFeatures(),
      };
    }
    fallbacks.push({ backend: name, reason: attempt.refusal });
  }
  throw new Error(
    `no compute backend works here; tried ${fallbacks.map((f) => `${f.backend} (${f.reason})`).join(', ')}`,
  );
}
