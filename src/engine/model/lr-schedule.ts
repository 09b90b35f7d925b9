/**
 * The learning rate over a run: a linear warm-up over the first `warmupSteps` steps, then the
 * base rate times `decay` for every `patience` epochs in a row without a better validation
 * score (so a single-epoch dip, which is mostly sampling noise, never lowers it).
 */
export class RateSchedule {
  private factor = 1;
  private flat = 0;

  constructor(
    readonly base: number,
    readonly warmupSteps: number,
    readonly decay: number,
    readonly patience: number,
  ) {
    if (!(base > 0)) throw new Error(`learning rate is ${base}; expected a number > 0`);
    if (!(Number.isInteger(warmupSteps) && warmupSteps >= 0))
      throw new Error(`warm-up steps are ${warmupSteps}; expected an integer ≥ 0`);
    if (!(decay > 0 && decay <= 1))
      throw new Error(`train option "lrDecay" is ${decay}; expected a number in (0, 1]`);
    if (!(Number.isInteger(patience) && patience >= 1))
      throw new Error(`train option "lrPatience" is ${patience}; expected an integer ≥ 1`);
  }

  /** The rate for the given step (1-based, counted over the whole run). */
  rateAt(step: number): number {
    const warm = step <= this.warmupSteps ? step / this.warmupSteps : 1;
    return this.base * this.factor * warm;
  }

  /** Call after each epoch's validation. */
  epochEnd(improved: boolean): void {
    this.flat = improved ? 0 : this.flat + 1;
    if (this.flat > 0 && this.flat % this.patience === 0) this.factor *= this.decay;
  }
}
