/**
 * The widget's own sentences in English: shelf headings and status text. `{title}` in a
 * heading is the title of the product the shelf is about (the product viewed, for
 * "because-viewed"); where there is none, `heading.this-product` stands in for it.
 */
export const WIDGET_ENGLISH = {
  'heading.for-you': 'Recommended for you',
  'heading.similar': 'Similar products',
  'heading.bought-together': 'Frequently bought together',
  'heading.because-viewed': 'Because you viewed {title}',
  'heading.trending': 'Trending now',
  'heading.this-product': 'this',
  'status.loading': 'Loading recommendations…',
  'status.empty.no-product': 'Nothing to show: this shelf needs a product on the page',
  'status.empty.nothing': 'Nothing to recommend here yet',
  'status.error': 'Recommendations are unavailable',
} as const;

export type WidgetMessageKey = keyof typeof WIDGET_ENGLISH;
