import { parseBackend, type AutoTrainOptions, type BackendName } from '../engine/index.ts';
import { resolveLocale, type Locale, type LocaleName, type LocaleTable } from './locale.ts';

/** What a site passes to `LocalShelf.init` (or sets as attributes on the first `<local-shelf>`). */
export interface WidgetOptions {
  /** URL of your catalog JSON, absolute or relative to the page. Required. */
  catalog: string;
  /** URL of the folder holding your pretrained model (model.json, meta.json, weights), or of its model.json. Required. */
  model: string;
  /** URL of the folder holding your re-ranker (model.json, weights.bin, card.json). Default: `reranker/` inside the model folder; without one, shelves are not re-ranked. */
  reranker?: string;
  /** IndexedDB database name for the visitor's events and personal weights. Default: "localshelf". */
  dbName?: string;
  /** Compute backends to try, in order. Default: webgpu, webgl, wasm, cpu. */
  backends?: BackendName[];
  /** Allow WebGL on a software rasterizer (headless test browsers). Default: false. */
  allowSoftwareWebgl?: boolean;
  /** Allow WebGPU on a software adapter (headless test browsers). Default: false. */
  allowSoftwareWebgpu?: boolean;
  /** Run wasm on several threads when the page is cross-origin isolated: `'auto'` (default) with 4+ cores, `true`, `false`. */
  wasmThreads?: boolean | 'auto';
  /** Fine-tune on the visitor's device when they pause after enough new events. Default: on; `false` turns it off. */
  autoTrain?: AutoTrainOptions | false;
  /** Track views and cart actions from `data-localshelf-*` attributes on your pages. Default: true. */
  autoTrack?: boolean;
  /** Language of headings, explanations and status text: "en" or "fr". Default: "en" (prices in the browser's format). */
  locale?: LocaleName;
  /** Your own sentences by key, over the locale's (e.g. `{"heading.trending": "Our best sellers"}`). Default: none. */
  messages?: LocaleTable;
  /** Store nothing in the visitor's browser (no database is created) until `LocalShelf.consent(true)`. Default: false. */
  requireConsent?: boolean;
}

/**
 * Whether the engine may store: `yes`; `no` (memory only, for this page); `ask`: only if the
 * visitor's consent is on record from an earlier page.
 */
export type Storage = 'yes' | 'no' | 'ask';

/** Options with URLs made absolute: the worker resolves URLs against its own script, not the page. */
export interface ResolvedOptions extends Omit<
  WidgetOptions,
  'catalog' | 'model' | 'reranker' | 'locale' | 'messages'
> {
  catalogUrl: string;
  modelUrl: string;
  rerankerUrl?: string;
  autoTrack: boolean;
  locale: Locale;
  requireConsent: boolean;
  storage: Storage;
}

function requireUrl(
  options: Partial<WidgetOptions>,
  name: 'catalog' | 'model' | 'reranker',
  expected: string,
): string {
  const value = options[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new TypeError(`LocalShelf: ${name} is ${JSON.stringify(value)}; expected ${expected}`);
  try {
    return new URL(value, document.baseURI).href;
  } catch {
    throw new TypeError(
      `LocalShelf: ${name} is ${JSON.stringify(value)}, which is not a URL; expected ${expected}`,
    );
  }
}

/** Checks the options a site gave and names the bad one; URLs come back absolute. */
export function resolveOptions(options: Partial<WidgetOptions> | undefined): ResolvedOptions {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(
      `LocalShelf: options are ${JSON.stringify(options)}; expected an object like {catalog: "/catalog.json", model: "/model/"}`,
    );
  const catalogUrl = requireUrl(options, 'catalog', 'the URL of your catalog JSON, e.g. "/catalog.json"');
  let modelUrl = requireUrl(options, 'model', 'the URL of your model folder, e.g. "/model/"');
  // The engine wants the folder; accept a link to model.json too.
  if (modelUrl.endsWith('.json')) modelUrl = modelUrl.slice(0, modelUrl.lastIndexOf('/') + 1);
  else if (!modelUrl.endsWith('/')) modelUrl += '/';
  // The engine's own check: its error names the bad value and lists the valid ones.
  const backends = options.backends?.map((backend) => parseBackend(backend));
  if (options.requireConsent !== undefined && typeof options.requireConsent !== 'boolean')
    throw new TypeError(
      `LocalShelf: requireConsent is ${JSON.stringify(options.requireConsent)}; expected true or false`,
    );
  const locale = resolveLocale(options.locale, options.messages);
  let rerankerUrl: string | undefined;
  if (options.reranker !== undefined) {
    rerankerUrl = requireUrl(
      options,
      'reranker',
      'the URL of your re-ranker folder, e.g. "/model/reranker/"',
    );
    if (!rerankerUrl.endsWith('/')) rerankerUrl += '/';
  }
  return {
    dbName: options.dbName,
    ...(rerankerUrl ? { rerankerUrl } : {}),
    backends,
    allowSoftwareWebgl: options.allowSoftwareWebgl,
    allowSoftwareWebgpu: options.allowSoftwareWebgpu,
    wasmThreads: options.wasmThreads,
    autoTrain: options.autoTrain,
    autoTrack: options.autoTrack ?? true,
    locale,
    requireConsent: options.requireConsent ?? false,
    storage: options.requireConsent ? 'ask' : 'yes',
    catalogUrl,
    modelUrl,
  };
}
