const formatters = new Map<string, Intl.NumberFormat>();

export function formatPrice(amount: number, currency: string): string {
  let formatter = formatters.get(currency);
  if (!formatter)
    formatters.set(currency, (formatter = new Intl.NumberFormat('en-IE', { style: 'currency', currency })));
  return formatter.format(amount);
}

export function formatTime(ts: number): string {
  return new Date(ts).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
