/** Where the shop finds its catalog, pretrained model and pictures (static files, fetched read-only). */
export const CATALOG_URL = '/catalog.json';
export const MODEL_URL = '/models/demo/';
/** Every product picture in one file: which pictures a shopper looks at never reaches the server. */
export const IMAGES_URL = '/images.json';
