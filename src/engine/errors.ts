/**
 * The few error classes callers branch on. Messages always name the offending
 * value and what was expected.
 */

/** Input that does not match a schema (an event, a catalog item, a data file line). */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  /** Dotted path of the offending field, e.g. `items[3].price`. */
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** Formats a value for an error message: short, quoted when a string. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return `a ${typeof value}`;
}
