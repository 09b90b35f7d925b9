/**
 * The shop's first script, inlined into index.html's head by vite.first-script.ts: it runs
 * while the app's script is still loading, and asks for the catalog and the model card, which
 * LocalShelf.create() then takes over (src/engine/load/early-assets.ts). It must stay small:
 * it imports nothing that pulls in the engine or React.
 */
import { modelCardUrl, startEarlyAssets } from '../engine/early.ts';
import { CATALOG_URL, MODEL_URL } from './asset-urls.ts';

startEarlyAssets([CATALOG_URL, modelCardUrl(MODEL_URL)]);
