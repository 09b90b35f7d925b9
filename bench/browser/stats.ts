export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
