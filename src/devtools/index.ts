/** LocalShelf devtools: import explicitly; nothing here is loaded unless you do. */
export { LocalShelfDevtools } from './panel.ts';
export type { DevtoolsOptions } from './panel.ts';
export { devtoolsHook, registerEngine } from './hook.ts';
export type { DevtoolsHook } from './hook.ts';
