import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import type { BackendInfo } from './backend.ts';

/**
 * When the wasm backend was passed over, whether its files were there at all: a site that
 * copied the script without its assets/ folder gets a message naming the missing file, not
 * tfjs's "failed to asynchronously prepare wasm". Null when wasm ran, was not tried, or its
 * files answer fine (then the reason in `backend.fallbacks` says what else went wrong).
 */
export async function missingWasmFile(backend: BackendInfo): Promise<string | null> {
  const refusal = backend.fallbacks.find((f) => f.backend === 'wasm');
  if (!refusal) return null;
  for (const url of [wasmSimdUrl, wasmPlainUrl]) {
    let problem: string | null = null;
    try {
      const res = await fetch(url, { cache: 'no-store' });
      void res.body?.cancel();
      const type = res.headers.get('content-type') ?? '';
      if (!res.ok) problem = `answered HTTP ${res.status}`;
      else if (!type.includes('wasm'))
        problem = `was served as ${JSON.stringify(type)}, not application/wasm`;
    } catch (error) {
      problem = `could not be fetched (${(error as Error).message})`;
    }
    if (problem)
      return (
        `the wasm compute backend could not start: ${url} ${problem}; running on ${backend.name} instead, which is slower. ` +
        'Copy the whole LocalShelf folder (the script with its assets/ folder, as built) to your server, keeping its layout'
      );
  }
  return null;
}
