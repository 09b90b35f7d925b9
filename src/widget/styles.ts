/**
 * The widget's look. Shadow DOM keeps the host's CSS out and ours in; `all: initial`
 * stops inherited properties (font, colour, line height) from leaking through the
 * boundary. Sites restyle through the custom properties below and `::part()`.
 *
 * A constructed stylesheet, not a <style> element: a strict `style-src` (no
 * 'unsafe-inline') blocks <style> in shadow roots, but not adopted sheets.
 *
 * `--localshelf-font: inherit` means "the page's font", but CSS resolves `inherit` on the
 * custom property itself (to the parent's value of it, normally none), so `var()` alone
 * would fall back to system-ui. So the page gets one rule of ours at zero specificity: the
 * root carries a marker value, which an `inherit` pulls down to the element (a widget
 * without the setting has it reset), and a style query then takes the host's font, which
 * is the page's. The marker is also a valid font list, ending in the default.
 */
const DEFAULT_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const PAGE_FONT_MARKER = `localshelf-page-font, ${DEFAULT_FONT}`;
const DOCUMENT_CSS = `
:where(:root) { --localshelf-font: ${PAGE_FONT_MARKER}; }
:where(local-shelf) { --localshelf-font: initial; }
`;
const CSS = `
:host {
  all: initial;
  display: block;
  contain: content;
  /* The page's font on the host itself; the shelf inside picks its own unless told to inherit. */
  font-family: inherit;
  font-size: var(--localshelf-font-size, 14px);
  line-height: 1.4;
  color: var(--localshelf-color, #1f2328);
}
:host([hidden]) { display: none; }
.shelf, .status { font-family: var(--localshelf-font, ${DEFAULT_FONT}); }
@container style(--localshelf-font: ${PAGE_FONT_MARKER}) {
  .shelf, .status { font-family: inherit; }
}
.status {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
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
.item {
  display: grid;
  grid-row: span 4;
  grid-template-rows: subgrid;
  row-gap: 4px;
  min-width: 0;
}
/* Cards in a row share their four rows (image, title, price, reason), so titles and prices line up. */
.link {
  all: unset;
  box-sizing: border-box;
  display: grid;
  grid-row: span 4;
  grid-template-rows: subgrid;
  row-gap: 4px;
  align-content: start;
  width: 100%;
  padding: var(--localshelf-card-padding, 8px);
  border: 1px solid var(--localshelf-border-color, #d0d7de);
  border-radius: var(--localshelf-radius, 8px);
  background: var(--localshelf-card-background, #fff);
  cursor: pointer;
}
.link:hover { border-color: var(--localshelf-accent, #0969da); }
.link:focus-visible { outline: 2px solid var(--localshelf-accent, #0969da); outline-offset: 2px; }
.image {
  grid-row: 1;
  width: 100%;
  aspect-ratio: var(--localshelf-image-ratio, 1);
  object-fit: cover;
  border-radius: calc(var(--localshelf-radius, 8px) / 2);
  background: var(--localshelf-image-background, #f6f8fa);
}
.title { grid-row: 2; font-weight: 500; overflow-wrap: anywhere; }
.price { grid-row: 3; color: var(--localshelf-accent, #0969da); font-weight: 600; }
.reason { grid-row: 4; color: var(--localshelf-muted, #656d76); font-size: 0.85em; }
`;

let sheet: CSSStyleSheet | null = null;
const DOCUMENT_SHEET = Symbol.for('localshelf.document-sheet');

/** One sheet object shared by every widget on the page; the first call also adds the page's marker rule. */
export function widgetStyles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  // Once per page, even with two copies of the bundle loaded.
  const page = document as Document & { [DOCUMENT_SHEET]?: true };
  if (!page[DOCUMENT_SHEET]) {
    page[DOCUMENT_SHEET] = true;
    const marker = new CSSStyleSheet();
    marker.replaceSync(DOCUMENT_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, marker];
  }
  return sheet;
}
