import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFastGather } from './fast-gather.ts';
import { registerGatherGradient } from './gather-grad.ts';

// Each case runs on the cpu backend (tfjs's reference kernel), then on wasm with the row-copy kernel.
describe('row-copy GatherV2 on wasm', () => {
  let reference: Record<string, { values: number[]; shape: number[] }> = {};
  const cases: Record<string, () => tf.Tensor> = {
    'rows of a table, repeated indices': () =>
      tf.gather(
        tf.range(0, 21).reshape([7, 3]),
        tf.tensor2d(
          [
            [1, 4, 1],
            [6, 0, 0],
          ],
          [2, 3],
          'int32',
        ),
      ),
    'axis 1': () => tf.gather(tf.range(0, 24).reshape([2, 3, 4]), tf.tensor1d([2, 0], 'int32'), 1),
    'last axis (single elements)': () =>
      tf.gather(tf.range(0, 24).reshape([2, 3, 4]), tf.tensor1d([3, 1, 3], 'int32'), 2),
    'int32 values': () => tf.gather(tf.tensor1d([5, 6, 7], 'int32'), tf.tensor1d([2, 2, 0], 'int32')),
    'batchDims 1': () =>
      tf.gather(
        tf.range(0, 12).reshape([2, 3, 2]),
        tf.tensor2d(
          [
            [2, 0],
            [1, 1],
          ],
          [2, 2],
          'int32',
        ),
        1,
        1,
      ),
  };

  beforeAll(async () => {
    await tf.setBackend('cpu');
    reference = Object.fromEntries(
      Object.entries(cases).map(([name, f]) => {
        const t = f();
        return [name, { values: Array.from(t.dataSync()), shape: t.shape }];
      }),
    );
    await tf.setBackend('wasm');
    registerFastGather();
    registerGatherGradient();
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is the kernel in use on wasm', () => {
    const kernel = tf.getKernel('GatherV2', 'wasm');
    expect(kernel?.kernelFunc.name).toBe('gatherRows');
  });

  for (const name of Object.keys(cases))
    it(`matches the cpu kernel: ${name}`, () => {
      const onWasm = (cases[name] as () => tf.Tensor)();
      expect(onWasm.shape).toEqual(reference[name]?.shape);
      expect(Array.from(onWasm.dataSync())).toEqual(reference[name]?.values);
    });

  it('names an out-of-range index', () => {
    expect(() => tf.gather(tf.zeros([3, 2]), tf.tensor1d([0, 3], 'int32'))).toThrow(
      /index value 3 is not in \[0, 2\]/,
    );
  });

  it('keeps the gradient (scatterND) working', () => {
    const g = tf.grad((x: tf.Tensor) => tf.gather(x, tf.tensor1d([1, 1, 0], 'int32')).sum())(
      tf.zeros([3, 2]),
    );
    expect(Array.from(g.dataSync())).toEqual([1, 1, 2, 2, 0, 0]);
  });
});
