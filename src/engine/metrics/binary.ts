/** Metrics of a click model: predicted probabilities against 0/1 labels. */
export interface BinaryMetrics {
  accuracy: number;
  /** Area under the ROC curve; 0.5 is chance. NaN when only one class is present. */
  auc: number;
  /** Mean binary cross-entropy (natural log), probabilities clipped to [1e-7, 1 - 1e-7]. */
  logLoss: number;
  examples: number;
  positives: number;
}

/** AUC by the rank-sum (Mann–Whitney) formula, with ties counted as half. */
export function auc(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (probabilities[a] as number) - (probabilities[b] as number),
  );
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && probabilities[order[j + 1]!] === probabilities[order[i]!]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]!] === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function binaryMetrics(probabilities: ArrayLike<number>, labels: ArrayLike<number>): BinaryMetrics {
  if (probabilities.length !== labels.length)
    throw new Error(
      `binaryMetrics: ${probabilities.length} probabilities for ${labels.length} labels; expected equal lengths`,
    );
  let correct = 0;
  let loss = 0;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - 1e-7, Math.max(1e-7, probabilities[i] as number));
    const y = labels[i] as number;
    if (y !== 0 && y !== 1) throw new Error(`binaryMetrics: label ${i} is ${y}; expected 0 or 1`);
    positives += y;
    if ((p >= 0.5 ? 1 : 0) === y) correct++;
    loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
  }
  const n = labels.length;
  return {
    accuracy: n ? correct / n : NaN,
    auc: auc(probabilities, labels),
    logLoss: n ? loss / n : NaN,
    examples: n,
    positives,
  };
}
