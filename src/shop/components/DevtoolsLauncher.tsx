import { lazy, Suspense, useEffect, useState } from 'react';
import type { LocalShelf } from '../../engine/index.ts';

// Loaded only when opened: the devtools never weigh on the shop's first load.
const DevtoolsPanel = lazy(() =>
  import('../../devtools/react.tsx').then((m) => ({ default: m.DevtoolsPanel })),
);

/** A floating button (and Alt+Shift+D) that opens the LocalShelf devtools over the shop. */
export function DevtoolsLauncher({ engine }: { engine: LocalShelf }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && e.code === 'KeyD') {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="devtools-button"
        aria-expanded={open}
        aria-keyshortcuts="Alt+Shift+D"
        onClick={() => setOpen((o) => !o)}
        title="LocalShelf devtools (Alt+Shift+D)"
      >
        {open ? 'Close devtools' : 'Devtools'}
      </button>
      {open && (
        <div className="devtools-dock">
          <Suspense fallback={<p className="card">Loading devtools…</p>}>
            <DevtoolsPanel engine={engine} onClose={() => setOpen(false)} />
          </Suspense>
        </div>
      )}
    </>
  );
}
