/**
 * The widget's look. Shadow DOM keeps the host's CSS out and ours in; `all: initial`
 * stops inherited properties (font, colour, line height) from leaking through the
 * boundary. Sites restyle through the custom properties below and `::part()`.
 *
 * A constructed stylesheet, not a <style> element: a strict `style-src` (no
 * 'unsafe-inline') blocks <style> in shadow roots, but not adopted sheets.
 */
const CSS = `
:host {
  all: initial;
  display: block;
  contain: content;
  font-family: var(--localshelf-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: var(--localshelf-font-size, 14px);
  line-height: 1.4;
  color: var(--localshelf-color, #1f2328);
}
:host([hidden]) { display: none; }
.shelf { display: grid; gap: var(--localshelf-gap, 12px); }
.heading {
  margin: 0;
  font: inherit;
  font-size: var(--localshelf-heading-size, 1.15em);
  font-weight: 600;
}
.list {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(var(--localshelf-card-min-width, 140px), 1fr));
  gap: var(--localshelf-gap, 12px);
  margin: 0;
  padding: 0;
  list-style: none;
}
.item { display: block; min-width: 0; }
.link {
  all: unset;
  box-sizing: border-box;
  display: grid;
  gap: 4px;
  width: 100%;
  height: 100%;
  padding: var(--localshelf-card-padding, 8px);
  border: 1px solid var(--localshelf-border-color, #d0d7de);
  border-radius: var(--localshelf-radius, 8px);
  background: var(--localshelf-card-background, #fff);
  cursor: pointer;
}
.link:hover { border-color: var(--localshelf-accent, #0969da); }
.link:focus-visible { outline: 2px solid var(--localshelf-accent, #0969da); outline-offset: 2px; }
.image {
  width: 100%;
  aspect-ratio: var(--localshelf-image-ratio, 1);
  object-fit: cover;
  border-radius: calc(var(--localshelf-radius, 8px) / 2);
  background: var(--localshelf-image-background, #f6f8fa);
}
.title { font-weight: 500; overflow-wrap: anywhere; }
.price { color: var(--localshelf-accent, #0969da); font-weight: 600; }
.reason { color: var(--localshelf-muted, #656d76); font-size: 0.85em; }
`;

let sheet: CSSStyleSheet | null = null;

/** One sheet object shared by every widget on the page. */
export function widgetStyles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
