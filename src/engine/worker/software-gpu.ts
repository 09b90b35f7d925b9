/**
 * Renderers and adapters that compute on the CPU (SwiftShader, llvmpipe, lavapipe,
 * Windows' basic render driver): a "GPU" backend there is slower than wasm doing the same math.
 */
export const SOFTWARE_GPU = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render driver/i;
