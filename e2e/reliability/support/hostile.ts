import type { Catalog } from '../../../src/engine/index.ts';

/**
 * Catalog strings a compromised or careless feed could carry. Each would run script,
 * break the layout or flip text direction if rendered as HTML; all must show as text.
 */
export const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  '</li></ul><iframe src="javascript:window.__pwned=4"></iframe>',
  '{{constructor.constructor("window.__pwned=5")()}} ${window.__pwned=6}',
  '\u202Eexe.gnp\u202C مرحبا بالعالم שלום עולם',
  'Z\u0334\u0321\u0356a\u0337l\u0336g\u0337o\u0338 👨‍👩‍👧‍👦 🏳️‍🌈 \u200B\u200D\uFEFF',
  `${'Ω'.repeat(1500)} very long title`,
];

/** The catalog with every title prefixed by a hostile string (the original kept, so search still works). */
export function hostileCatalog(catalog: Catalog): Catalog {
  return {
    ...catalog,
    items: catalog.items.map((item, i) => ({
      ...item,
      title: `${HOSTILE[i % HOSTILE.length]} ${item.title}`,
      brand: i % 3 === 0 ? HOSTILE[(i + 1) % HOSTILE.length]! : item.brand,
      description: HOSTILE[(i + 2) % HOSTILE.length]!,
    })),
  };
}

/** Runs in the page: elements or attributes an injection would have created, in the document and open shadow roots. */
export function injectedNodes(): string[] {
  const found: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (
        tag === 'iframe' ||
        (tag === 'script' && !el.getAttribute('src')) ||
        (tag === 'img' && el.getAttribute('src') === 'x')
      )
        found.push(tag);
      for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(`${tag}[${attr}]`);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return found;
}
