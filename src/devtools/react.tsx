import { useEffect, useRef } from 'react';
import type { LocalShelf } from '../engine/index.ts';
import { LocalShelfDevtools, type DevtoolsOptions } from './panel.ts';

/** The devtools panel as a React component: a thin wrapper over mount / unmount. */
export function DevtoolsPanel({ engine, ...options }: { engine: LocalShelf } & DevtoolsOptions) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const panel = new LocalShelfDevtools(engine, options);
    panel.mount(ref.current!);
    return () => panel.unmount();
    // Options are read once at mount, like the panel's own constructor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine]);
  return <div ref={ref} />;
}
