/** Held-back quality of a personal head: how well it ranks the shopper's most recent events. */
export interface HeldBackMetrics {
  /** Mean reciprocal rank of the held-back targets (finer-grained than NDCG@10 on a handful of events). */
  mrr: number;
  'HR@10': number;
  'NDCG@10': number;
  /** Weighted softmax cross-entropy on the held-back targets. */
  loss: number;
}

export interface Verdict {
  accepted: boolean;
  reason: string;
}

const EPSILON = 1e-9;

function fmt(x: number): string {
  return x.toFixed(4);
}

/**
 * Keeps an update only if it does not make the held-back ranking worse: MRR must
 * rise, or stay equal while the held-back loss falls. A tie on both is rejected,
 * since an update that changes nothing measurable is not worth the risk.
 */
export function guardrail(before: HeldBackMetrics, after: HeldBackMetrics): Verdict {
  const delta = after.mrr - before.mrr;
  if (!Number.isFinite(after.mrr) || !Number.isFinite(after.loss))
    return { accepted: false, reason: 'rejected: the update produced non-finite scores' };
  if (delta > EPSILON)
    return {
      accepted: true,
      reason: `accepted: held-back MRR ${fmt(before.mrr)} → ${fmt(after.mrr)} (+${fmt(delta)})`,
    };
  if (delta < -EPSILON)
    return { accepted: false, reason: `rejected: held-back MRR fell ${fmt(before.mrr)} → ${fmt(after.mrr)}` };
  if (after.loss < before.loss - EPSILON)
    return {
      accepted: true,
      reason: `accepted: held-back MRR unchanged (${fmt(after.mrr)}), loss ${fmt(before.loss)} → ${fmt(after.loss)}`,
    };
  return {
    accepted: false,
    reason: `rejected: held-back MRR and loss did not improve (MRR ${fmt(after.mrr)})`,
  };
}
