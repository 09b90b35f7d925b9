/** One product. Ids are strings so a site can use its own SKUs. */
export interface CatalogItem {
  id: string;
  title: string;
  /** Category path from the root, e.g. `["Outdoors", "Camping", "Tents"]`. */
  category: string[];
  brand: string;
  price: number;
  /** ISO 4217 code, e.g. `EUR`. */
  currency: string;
  tags: string[];
  /** URL of the product image, relative to the catalog's URL or absolute. */
  image: string;
  description: string;
  inStock: boolean;
  /** Free-form attributes (colour, material, size, style, ...). Default: none. */
  attributes?: Record<string, string>;
  /** Ids of items that go with this one (a tent → a sleeping bag). Default: none. */
  complements?: string[];
}

export interface Catalog {
  /** A version string the site bumps when the catalog changes. */
  version: string;
  items: CatalogItem[];
}
