import { useEffect, useState } from 'react';
import { useEventStore } from './useEventStore.ts';

/**
 * The demo shop's shell. The full shop (catalog, shelves, search, "Your data")
 * grows here; for now it shows where behaviour is kept and how much.
 */
export function App() {
  const { store, snapshot } = useEventStore();
  const [eventCount, setEventCount] = useState<number | null>(null);

  useEffect(() => {
    if (store) void store.count().then(setEventCount);
  }, [store, snapshot?.revision]);

  return (
    <div className="shell">
      <header className="shell__header">
        <h1>LocalShelf</h1>
        <p className="shell__tagline">
          The shop that learns on your device. Nothing about you is sent anywhere.
        </p>
      </header>
      <main>
        <section aria-labelledby="data-heading" className="card">
          <h2 id="data-heading">Your data</h2>
          {snapshot ? (
            <dl>
              <dt>Stored in</dt>
              <dd data-testid="persistence">
                {snapshot.persistence === 'indexeddb'
                  ? 'this browser (IndexedDB)'
                  : 'memory only (lost when you close the tab)'}
              </dd>
              {snapshot.fallbackReason && (
                <>
                  <dt>Why</dt>
                  <dd>{snapshot.fallbackReason}</dd>
                </>
              )}
              <dt>Events stored</dt>
              <dd data-testid="event-count">{eventCount ?? '…'}</dd>
              <dt>Tracking</dt>
              <dd>{snapshot.paused ? 'paused' : 'on'}</dd>
            </dl>
          ) : (
            <p>Opening your on-device store…</p>
          )}
        </section>
      </main>
    </div>
  );
}
