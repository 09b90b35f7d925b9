/**
 * LocalShelf for any site: `<local-shelf>` plus a small API. Loaded as an ES module
 * (`localshelf.js`) or a classic script (`localshelf.iife.js`, global `LocalShelf`).
 * The visitor's behaviour stays in their browser; the network sees only static GETs.
 */
import {
  CONSENT_KEY,
  type ConsentRecord,
  type EngineState,
  type ShelfRequest,
  type ShopEvent,
  type TrackInput,
} from '../engine/index.ts';
import { consentStatus, deleteStored, type ConsentStatus } from './consent.ts';
import { defineElement } from './element.ts';
import { explain } from './locale.ts';
import type { WidgetOptions } from './options.ts';
import type { WidgetRankedItem, WidgetShelf } from './runtime.ts';
import { currentRuntime, onRuntimeReplaced, replaceRuntime, startRuntime, stopRuntime } from './shared.ts';

export { version } from './version.ts';

export { LocalShelfElement } from './element.ts';
export { CLICK_EVENT } from './click-event.ts';
export type { LocalShelfClickDetail } from './click-event.ts';
export type { WidgetOptions } from './options.ts';
export type { ConsentStatus } from './consent.ts';
export type { LocaleName, LocaleKey, LocaleTable } from './locale.ts';
export { LOCALES } from './locale.ts';
export type { WidgetShelf, WidgetRecommendation, WidgetRankedItem } from './runtime.ts';
export type {
  ShelfRequest,
  ShelfKind,
  TrackInput,
  CatalogItem,
  RankedItem,
  Reason,
} from '../engine/index.ts';

/**
 * Starts the page's engine (one per page, shared by every widget) and resolves when its
 * model and catalog are loaded. A bad option or a failed load is also logged to the
 * console, and the widgets stay empty; awaiting the promise is optional.
 */
export function init(options: WidgetOptions): Promise<void> {
  let ready: Promise<void>;
  try {
    ready = startRuntime(options).ready;
  } catch (error) {
    console.error((error as Error).message);
    ready = Promise.reject(error);
  }
  // Handled here, so a host that does not await sees the console message, not an unhandled rejection.
  ready.catch(() => {});
  return ready;
}

function running(what: string) {
  const runtime = currentRuntime();
  if (!runtime)
    throw new Error(
      `LocalShelf.${what}: LocalShelf is not started; call LocalShelf.init({catalog, model}) first ` +
        '(or add a <local-shelf> with catalog and model attributes)',
    );
  return runtime;
}

/** Records an event (view, click, add_to_cart, purchase, search, ...) in the visitor's browser. */
export async function track(input: TrackInput): Promise<ShopEvent | null> {
  return running('track').track(input);
}

/**
 * A shelf of recommendations with their catalog entries, for sites that render their own;
 * `explanation` is in the page's language (the `locale` and `messages` options).
 */
export async function recommend(request: ShelfRequest): Promise<WidgetShelf> {
  const runtime = running('recommend');
  const shelf = await runtime.recommend(request);
  const locale = runtime.options.locale;
  return {
    ...shelf,
    items: shelf.items.map((r) => ({ ...r, explanation: explain(locale, r.message, r.explanation) })),
  };
}

/**
 * Re-orders your own list (a category page, your search results) for this visitor, on their
 * device: your order is the starting point, and each item comes back with its reasons.
 * `shelf` names the list (default "list"); track its impressions and clicks with the same
 * shelf name so the visitor's re-ranker learns from them. Without a re-ranker beside your
 * model, your order comes back unchanged.
 */
export async function rerank(
  itemIds: string[],
  options: { shelf?: string } = {},
): Promise<WidgetRankedItem[]> {
  return running('rerank').rerank(itemIds, { shelf: options.shelf ?? 'list' });
}

/** Everything recorded about the visitor, read from their own browser (for a "what we know" page). */
export async function history(): Promise<ShopEvent[]> {
  return (await running('history').engine).events.all();
}

/** Deletes the visitor's events and personal weights from this browser. */
export async function forget(): Promise<void> {
  await (await running('forget').engine).deleteAll();
  running('forget').notify();
}

/**
 * Records the visitor's answer, for sites started with `requireConsent`. `true`: from now on
 * events and personal weights are stored in this browser, and the answer is remembered for the
 * next pages. `false`: stops storing, deletes everything stored (the whole database, the
 * answer too, and the cached model and catalog) and goes on in memory for this page. Either way the shelves reload.
 */
export async function consent(granted: boolean): Promise<void> {
  if (typeof granted !== 'boolean')
    throw new TypeError(`LocalShelf.consent: got ${JSON.stringify(granted)}; expected true or false`);
  const runtime = running('consent');
  const options = { ...runtime.options, requireConsent: true, storage: granted ? 'yes' : 'no' } as const;
  if (granted) {
    if (await runtime.storing) return;
    const next = await replaceRuntime(options);
    const record: ConsentRecord = { granted: true, at: Date.now() };
    await (await next.engine).events.setMeta(CONSENT_KEY, record);
  } else {
    await replaceRuntime(options, () => deleteStored(options));
  }
}

/** Stops recording the visitor's actions (shelves still show); remembered across pages once storing. */
export async function pause(): Promise<void> {
  await (await running('pause').engine).events.pause();
}

/** Records the visitor's actions again after `pause()`. */
export async function resume(): Promise<void> {
  await (await running('resume').engine).events.resume();
}

/** What is stored and why: consent, where events go (IndexedDB or memory for this page) and the pause switch. */
export async function privacy(): Promise<{
  consent: ConsentStatus;
  persistence: 'indexeddb' | 'memory';
  paused: boolean;
}> {
  const runtime = running('privacy');
  const [engine, storing] = await Promise.all([runtime.engine, runtime.storing]);
  const store = engine.events.getSnapshot();
  return {
    consent: consentStatus(runtime.options, storing),
    persistence: store.persistence,
    paused: store.paused,
  };
}

/**
 * Calls `listener` whenever shelves should be asked again (a product view, new personal
 * weights, consent given or withdrawn), for sites that render their own. Returns a function
 * that stops it.
 */
export function subscribe(listener: () => void): () => void {
  let unsubscribe = running('subscribe').onChange(listener);
  const stopFollowing = onRuntimeReplaced((runtime) => {
    unsubscribe();
    unsubscribe = runtime.onChange(listener);
    listener();
  });
  return () => {
    unsubscribe();
    stopFollowing();
  };
}

/** The engine's state (status, compute backend, model, training), or null before `init`. */
export async function state(): Promise<EngineState | null> {
  const runtime = currentRuntime();
  return runtime ? (await runtime.engine).getSnapshot() : null;
}

/** Stops the engine and its worker, and auto-tracking (e.g. before a single-page site tears down). */
export function close(): void {
  stopRuntime();
}

defineElement();
