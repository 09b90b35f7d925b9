import { build, type Plugin } from 'vite';

/**
 * Inlines a small script into one page's <head>, bundled on its own as a classic script: it runs
 * while the parser reaches it, before the app's module script has even been fetched (Vite would
 * merge a second module script of the page into the app's bundle, which starts ~200 ms later).
 * The shop uses it to ask for the catalog and model card at once (src/shop/early.ts). Built once
 * per server or build; the dev server picks up an edit of that script on restart.
 */
export function inlineFirstScript(options: { page: string; entry: string }): Plugin {
  let code: Promise<string> | null = null;
  const bundle = async (): Promise<string> => {
    const result = await build({
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      build: {
        write: false,
        target: 'es2022',
        minify: true,
        copyPublicDir: false,
        lib: { entry: options.entry, formats: ['iife'], name: 'localShelfFirstScript' },
      },
    });
    const outputs = Array.isArray(result) ? result : [result];
    const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((o) => o.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk')
      throw new Error(`inlineFirstScript: ${options.entry} built no script`);
    return chunk.code;
  };
  return {
    name: 'localshelf-inline-first-script',
    transformIndexHtml: {
      order: 'pre',
      async handler(_html, ctx) {
        if (ctx.path !== options.page) return undefined;
        code ??= bundle();
        return [{ tag: 'script', children: await code, injectTo: 'head' }];
      },
    },
  };
}
