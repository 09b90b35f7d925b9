/** How much behaviour the device keeps. Oldest events are pruned first. */
export interface RetentionPolicy {
  /** Most events kept. Default: 20,000 (a heavy shopper's year, a few MB). */
  maxEvents: number;
  /** Oldest event kept, in days. Default: 180. */
  maxAgeDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { maxEvents: 20_000, maxAgeDays: 180 };

/** Retention is checked after this many writes, not on every one, to keep `track()` cheap. */
export const RETENTION_CHECK_EVERY = 50;

export function resolveRetention(partial: Partial<RetentionPolicy> | undefined): RetentionPolicy {
  const policy = { ...DEFAULT_RETENTION, ...partial };
  if (!Number.isInteger(policy.maxEvents) || policy.maxEvents < 1)
    throw new RangeError(`retention.maxEvents is ${policy.maxEvents}; expected an integer >= 1`);
  if (!(policy.maxAgeDays > 0))
    throw new RangeError(`retention.maxAgeDays is ${policy.maxAgeDays}; expected a number > 0`);
  return policy;
}
