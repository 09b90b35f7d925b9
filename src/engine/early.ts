/**
 * The engine's entry for a page's first script (the demo shop's src/shop/early.ts): the catalog
 * and model card asked for before the page's own script has loaded, which LocalShelf.create()
 * then takes over. Nothing else: index.ts brings the whole engine, and a first script is inlined.
 */
export { earlyRequests, modelCardUrl, startEarlyAssets } from './load/early-assets.ts';
