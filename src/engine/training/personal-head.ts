import * as tf from '@tensorflow/tfjs';

/**
 * The only part of the model a shopper's device trains: a low-rank residual
 * adapter plus a user vector on top of the frozen encoder's user state,
 *   u' = u + (u · down) · up + bias.
 * `up` and `bias` start at zero, so an untrained head changes nothing; the item
 * table and the encoder stay frozen (DeepRec / MetaPatch style).
 */
export class PersonalHead {
  readonly down: tf.Variable;
  readonly up: tf.Variable;
  readonly bias: tf.Variable;

  constructor(
    readonly dim: number,
    readonly rank = 8,
    seed = 7,
  ) {
    if (!Number.isInteger(rank) || rank < 1 || rank > dim)
      throw new RangeError(`head rank is ${rank}; expected 1..${dim}`);
    // tidy frees the initial values; variables themselves survive it.
    [this.down, this.up, this.bias] = tf.tidy(() => [
      tf.variable(tf.randomNormal([dim, rank], 0, 1 / Math.sqrt(dim), 'float32', seed)),
      tf.variable(tf.zeros([rank, dim])),
      tf.variable(tf.zeros([dim])),
    ]);
  }

  get variables(): tf.Variable[] {
    return [this.down, this.up, this.bias];
  }

  /** Trainable parameters, counted from the tensors themselves. */
  get parameterCount(): number {
    return this.variables.reduce((sum, v) => sum + v.size, 0);
  }

  /** Parameters a head of this size will have (the shapes the constructor creates), before one exists. */
  static parametersFor(dim: number, rank: number): number {
    return dim * rank + rank * dim + dim;
  }

  /** Applies the head to user states [n, dim]. */
  apply(users: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => users.add(users.matMul(this.down).matMul(this.up)).add(this.bias) as tf.Tensor2D);
  }

  /** Squared norm of what the head adds, for L2 regularisation toward "no change". */
  penalty(): tf.Scalar {
    return tf.tidy(() => tf.add(tf.sum(tf.square(this.up)), tf.sum(tf.square(this.bias))) as tf.Scalar);
  }

  /** A head with the same weights, to train without touching this one. */
  clone(): PersonalHead {
    const copy = new PersonalHead(this.dim, this.rank);
    tf.tidy(() => copy.variables.forEach((v, i) => v.assign(this.variables[i]!)));
    return copy;
  }

  /** The weights as plain arrays, for saving. */
  async snapshot(): Promise<HeadWeights> {
    return {
      dim: this.dim,
      rank: this.rank,
      down: Array.from(await this.down.data()),
      up: Array.from(await this.up.data()),
      bias: Array.from(await this.bias.data()),
    };
  }

  /** Loads saved weights; throws naming the field whose size does not match. */
  restore(weights: HeadWeights): void {
    if (weights.dim !== this.dim || weights.rank !== this.rank)
      throw new Error(`saved head is ${weights.dim}×${weights.rank}; expected ${this.dim}×${this.rank}`);
    const check = (name: string, values: number[], size: number) => {
      if (!Array.isArray(values) || values.length !== size || values.some((v) => !Number.isFinite(v)))
        throw new Error(
          `saved head "${name}" has ${Array.isArray(values) ? values.length : 'no'} finite values; expected ${size}`,
        );
    };
    check('down', weights.down, this.dim * this.rank);
    check('up', weights.up, this.dim * this.rank);
    check('bias', weights.bias, this.dim);
    tf.tidy(() => {
      this.down.assign(tf.tensor2d(weights.down, [this.dim, this.rank]));
      this.up.assign(tf.tensor2d(weights.up, [this.rank, this.dim]));
      this.bias.assign(tf.tensor1d(weights.bias));
    });
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
  }
}

export interface HeadWeights {
  dim: number;
  rank: number;
  down: number[];
  up: number[];
  bias: number[];
}
