import { LocalShelf, parseBackend, type BackendName, type Catalog } from '../engine/index.ts';
import { readRecentAtLoad } from './recent-items.ts';
import { firstShelfDrawn } from './first-shelf.ts';
import { readShelvesAtLoad, SHELF_CACHE_KEY } from './shelf-cache.ts';

/** Where the shop finds its catalog and pretrained model (static files, fetched read-only). */
export const CATALOG_URL = '/catalog.json';
export const MODEL_URL = '/models/demo/';
/** Every product picture in one file: which pictures a shopper looks at never reaches the server. */
export const IMAGES_URL = '/images.json';

/** `?softwareWebgl=1` lets WebGL run on a software rasterizer (tests, demos on GPU-less machines). */
function allowSoftwareWebgl(): boolean {
  return new URLSearchParams(window.location.search).get('softwareWebgl') === '1';
}

/** `?softwareWebgpu=1` lets WebGPU run on a software adapter (SwiftShader); `?wasmThreads=0|1` turns wasm threads off or on (default: with 4+ cores). */
function backendPolicy(): { allowSoftwareWebgpu: boolean; wasmThreads: boolean | 'auto' } {
  const query = new URLSearchParams(window.location.search);
  return {
    allowSoftwareWebgpu: query.get('softwareWebgpu') === '1',
    wasmThreads: query.get('wasmThreads') === '0' ? false : query.get('wasmThreads') === '1' ? true : 'auto',
  };
}

/** `?backend=webgpu|webgl|wasm|cpu` pins the compute backend (benchmarks, debugging); a bad value fails loudly. */
function pinnedBackends(): BackendName[] | undefined {
  const value = new URLSearchParams(window.location.search).get('backend');
  return value === null ? undefined : [parseBackend(value)];
}

/**
 * Product id → picture as a data: URL, encoded the first time a picture is drawn: encoding all
 * of them (two thousand SVGs) on load sat on the first shelf's path, and a page shows a few dozen.
 */
export class PictureBundle {
  private readonly urls = new Map<string, string>();
  readonly size: number;

  constructor(private readonly svgs: Record<string, unknown> = {}) {
    this.size = Object.values(svgs).filter((svg) => typeof svg === 'string').length;
  }

  get(id: string): string | undefined {
    let url = this.urls.get(id);
    const svg = Object.hasOwn(this.svgs, id) ? this.svgs[id] : undefined;
    if (url === undefined && typeof svg === 'string') {
      url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      this.urls.set(id, url);
    }
    return url;
  }
}

/**
 * Resolves after the next frame's task (what was rendered meanwhile has been painted), or
 * after 100 ms in a hidden tab, which has no frames.
 */
function afterFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

/** How long after the shop has rendered a page that draws no shelf waits for its pictures. */
const PICTURES_AT_LATEST_MS = 500;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function loadImageBundle(): Promise<PictureBundle> {
  try {
    const response = await fetch(IMAGES_URL);
    if (!response.ok) {
      console.warn(
        `LocalShelf: ${IMAGES_URL} answered ${response.status}; pictures load one by one instead.`,
      );
      return new PictureBundle();
    }
    // Parsed (2 MB: 50–100 ms of main thread here) once the page's first shelf has been painted,
    // with placeholders: parsed as soon as the store was open, it sat between a newcomer's
    // catalog and first shelf. A page without shelves waits for the shop to render, then a moment.
    await Promise.race([
      firstShelfDrawn().then(afterFrame),
      shopSession()
        .then(afterFrame)
        .then(() => delay(PICTURES_AT_LATEST_MS)),
    ]).catch(() => {});
    const bundle = (await response.json()) as Record<string, unknown>;
    return new PictureBundle(bundle);
  } catch (e) {
    console.warn(
      `LocalShelf: the picture bundle did not load (${(e as Error).message}); pictures load one by one.`,
    );
    return new PictureBundle();
  }
}

export interface ShopSession {
  engine: LocalShelf;
  catalog: Pick<Catalog, 'items'>;
}

/*
 * One engine, one catalog fetch and one picture fetch per page load. They live for the page,
 * not for a React effect: StrictMode (development) mounts effects twice, and an engine per
 * mount meant two workers, every static file fetched twice and each event stored twice.
 */
let opened: Promise<LocalShelf> | null = null;
let session: Promise<ShopSession> | null = null;
let images: Promise<PictureBundle> | null = null;

/**
 * The engine once its store is open, with the last shelves read at its opening (load-reads.ts):
 * enough to draw them (a preview) while the catalog loads.
 */
export function shopEngine(): Promise<LocalShelf> {
  opened ??= LocalShelf.create({
    modelUrl: MODEL_URL,
    catalogUrl: CATALOG_URL,
    allowSoftwareWebgl: allowSoftwareWebgl(),
    ...backendPolicy(),
    backends: pinnedBackends(),
    // The last shelves come with the store's opening (the first page draws them).
    store: { readAhead: [SHELF_CACHE_KEY] },
    // The worker starts once the first page is on screen (ShopProvider), or earlier if a shelf
    // needs the model: its start-up (scripts, wasm, the model) no longer shares the CPU with
    // the first render.
    startWorker: 'when-needed',
  }).then(async (engine) => {
    // The tests and the benchmarks drive the engine through this handle.
    (window as unknown as { localShelf?: LocalShelf }).localShelf = engine;
    // Came with the store's opening (no trip to IndexedDB): the preview draws from it.
    await readShelvesAtLoad(engine);
    return engine;
  });
  return opened;
}

/** The engine and the catalog: the whole shop. */
export function shopSession(): Promise<ShopSession> {
  session ??= shopEngine().then(async (engine) => {
    // The engine fetched the catalog once for the page and the worker; the shop uses that copy.
    // What else the first page draws from IndexedDB is read meanwhile (load-reads.ts).
    const [products] = await Promise.all([engine.products(), readRecentAtLoad(engine)]);
    if (!products) throw new Error(`the catalog at ${CATALOG_URL} did not load`);
    return { engine, catalog: { items: [...products.values()] } };
  });
  return session;
}

/** Product id → picture as a data: URL; empty when the bundle could not be loaded. */
export function imageBundle(): Promise<PictureBundle> {
  images ??= loadImageBundle();
  return images;
}
