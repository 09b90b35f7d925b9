/** Set by the widget build (vite.widget.config.ts) from package.json. */
declare const __LOCALSHELF_VERSION__: string | undefined;

/** This bundle's version; "development" when the code runs unbuilt (tests, the dev server). */
export const version: string =
  typeof __LOCALSHELF_VERSION__ === 'string' ? __LOCALSHELF_VERSION__ : 'development';
