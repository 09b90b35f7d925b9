import * as tf from '@tensorflow/tfjs';

/**
 * A GatherV2 kernel for the wasm backend that copies whole rows on the wasm heap. The stock
 * wasm kernel (tfjs 4.22) costs ~90 ns per gathered element — gathering 12,800 embedding rows
 * of 64 took ~220 ms, the largest single cost of validation and a tenth of a training step —
 * while row copies run ~30× faster. Same semantics as tf.gather (axis, batchDims, bounds
 * check); registered over the stock kernel only when the wasm backend is present.
 */
interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

function gatherRows(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): tf.TensorInfo {
  const backend = args.backend as WasmBackend;
  const x = args.inputs['x'] as tf.TensorInfo;
  const indices = args.inputs['indices'] as tf.TensorInfo;
  const { axis, batchDims } = args.attrs as unknown as { axis: number; batchDims: number };
  const rank = x.shape.length;
  const ax = axis < 0 ? axis + rank : axis;
  const bd = batchDims < 0 ? batchDims + indices.shape.length : batchDims;
  const size = (dims: number[]) => dims.reduce((a, b) => a * b, 1);
  const batch = size(x.shape.slice(0, bd));
  const outer = size(x.shape.slice(bd, ax));
  const dimSize = x.shape[ax] ?? 0;
  const slice = size(x.shape.slice(ax + 1));
  const perBatch = size(indices.shape) / Math.max(1, batch);
  const outShape = [...x.shape.slice(0, ax), ...indices.shape.slice(bd), ...x.shape.slice(ax + 1)];
  const out = backend.makeOutput(outShape, x.dtype);
  // Views are taken after the allocation: growing the heap detaches older views.
  const src = backend.typedArrayFromHeap(x);
  const idx = backend.typedArrayFromHeap(indices);
  const dst = backend.typedArrayFromHeap(out);
  let o = 0;
  for (let b = 0; b < batch; b++)
    for (let r = 0; r < outer; r++) {
      const base = (b * outer + r) * dimSize * slice;
      for (let i = 0; i < perBatch; i++) {
        const k = idx[b * perBatch + i] as number;
        if (!(k >= 0 && k < dimSize))
          throw new Error(`GatherV2: the index value ${k} is not in [0, ${dimSize - 1}]`);
        const from = base + k * slice;
        if (slice === 1) dst[o] = src[from] as number;
        else dst.set(src.subarray(from, from + slice), o);
        o += slice;
      }
    }
  return out;
}

let registered = false;

/** Registers the row-copy GatherV2 on the wasm backend once per process (idempotent; no-op without wasm). */
export function registerFastGather(): void {
  if (registered || !tf.getKernel('GatherV2', 'wasm')) return;
  registered = true;
  tf.unregisterKernel('GatherV2', 'wasm');
  tf.registerKernel({ kernelName: 'GatherV2', backendName: 'wasm', kernelFunc: gatherRows as tf.KernelFunc });
}
