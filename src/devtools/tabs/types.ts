import type { LocalShelf } from '../../engine/index.ts';

/** One tab of the panel. `render` draws into its container and may be called again at any time to refresh. */
export interface Tab {
  id: string;
  label: string;
  render(container: HTMLElement, engine: LocalShelf): Promise<void> | void;
  /** Refresh on every engine action (e.g. live training), not only on the panel's timer. */
  live?: boolean;
  /** Refresh on the panel's timer. Default: true; false for tabs with inputs and messages that must stay put. */
  poll?: boolean;
}
