import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { BACKENDS, type BackendName } from '../env.ts';

/** Which backend runs the math, and why the ones before it were passed over. */
export interface BackendInfo {
  name: BackendName;
  /** The GPU as WebGL reports it (e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader ...))"); null off WebGL. */
  renderer: string | null;
  /** Every backend tried and refused before this one, with the reason. */
  fallbacks: { backend: BackendName; reason: string }[];
  /** Whether software WebGL (SwiftShader) was allowed. Tests allow it; production keeps tfjs's default (refused). */
  softwareWebglAllowed: boolean;
}

export interface BackendOptions {
  /** Backends to try, in order. Default: webgl, wasm, cpu. */
  order?: readonly BackendName[];
  /** Allow WebGL on a software rasterizer. Default: false (tfjs refuses it as too slow). */
  allowSoftwareWebgl?: boolean;
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
  if (typeof OffscreenCanvas === 'undefined' && typeof document === 'undefined')
    return ': no OffscreenCanvas in this worker';
  try {
    const canvas =
      typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    if (!canvas.getContext('webgl2'))
      return ': this browser gives no WebGL2 context here (GPU blocklisted or WebGL disabled)';
  } catch (error) {
    return `: creating a WebGL2 context threw ${(error as Error).message}`;
  }
  return ': a WebGL2 context exists but tfjs could not initialise on it';
}

/** Renderers that rasterize on the CPU: WebGL there is slower than wasm doing the same math. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

async function tryBackend(name: BackendName, allowSoftwareWebgl: boolean): Promise<string | null> {
  try {
    if (!(await tf.setBackend(name)))
      return `tf.setBackend("${name}") returned false${name === 'webgl' ? webglUnavailableReason() : ''}`;
    await tf.ready();
    if (tf.getBackend() !== name) return `tfjs chose "${tf.getBackend()}" instead`;
    // Chromium does not always flag software GL as a performance caveat, so check the renderer too.
    const renderer = webglRenderer();
    if (name === 'webgl' && !allowSoftwareWebgl && renderer && SOFTWARE_RENDERER.test(renderer))
      return `WebGL runs on a software renderer (${renderer}); allowSoftwareWebgl is false`;
    await smokeTest();
    return null;
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

/**
 * Picks the first backend in `order` that initialises and computes correctly.
 * tfjs silently falls back on its own, so every choice is verified.
 */
export async function selectBackend(options: BackendOptions = {}): Promise<BackendInfo> {
  const order = options.order ?? BACKENDS;
  const allowSoftwareWebgl = options.allowSoftwareWebgl ?? false;
  tf.env().set('SOFTWARE_WEBGL_ENABLED', allowSoftwareWebgl);
  const fallbacks: BackendInfo['fallbacks'] = [];
  for (const name of order) {
    const refusal = await tryBackend(name, allowSoftwareWebgl);
    if (refusal === null) {
      return { name, renderer: webglRenderer(), fallbacks, softwareWebglAllowed: allowSoftwareWebgl };
    }
    fallbacks.push({ backend: name, reason: refusal });
  }
  throw new Error(
    `no compute backend works here; tried ${fallbacks.map((f) => `${f.backend} (${f.reason})`).join(', ')}`,
  );
}
