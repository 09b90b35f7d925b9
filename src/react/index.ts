/**
 * LocalShelf for React sites: `<LocalShelfShelf kind="for-you" />` renders the widget's
 * shelf, `useRecommendations({kind})` gives the data for your own cards. Both use the page's
 * one engine; start it once with `init` (re-exported here from the widget).
 */
export { LocalShelfShelf } from './LocalShelfShelf.ts';
export type { LocalShelfShelfProps } from './LocalShelfShelf.ts';
export { useRecommendations } from './useRecommendations.ts';
export type { RecommendationsState } from './useRecommendations.ts';
export { init, consent, track } from '../widget/index.ts';
