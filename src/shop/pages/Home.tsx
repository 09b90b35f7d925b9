import { useEffect, useState } from 'react';
import { useEngineState, useEventsSnapshot, useShop } from '../engine.tsx';
import { ShelfView } from '../components/ShelfView.tsx';
import { ProductCard } from '../components/ProductCard.tsx';

/** Home: "for you" once the device knows the shopper, "trending" for newcomers, and "recently viewed". */
export function Home() {
  const { engine, items } = useShop();
  const revision = useEventsSnapshot().revision;
  const state = useEngineState();
  const [recent, setRecent] = useState<string[] | null>(null);
  useEffect(() => {
    void engine.events.itemSequence(200).then((steps) => {
      const ids: string[] = [];
      for (let i = steps.length - 1; i >= 0 && ids.length < 8; i--) {
        const id = steps[i]!.itemId;
        if (!ids.includes(id) && items.has(id)) ids.push(id);
      }
      setRecent(ids);
    });
  }, [engine, items, revision]);
  const returning = recent !== null && recent.length > 0;
  return (
    <div className="page">
      <section className="hero">
        <h1>Recommendations that learn on your device</h1>
        <p>
          Everything you do here stays in this browser. The shop's model learns your taste right here
          {state.backend
            ? ` (on ${state.backend.name === 'webgl' ? 'your GPU' : state.backend.name})`
            : ''}{' '}
          and sends nothing about you anywhere.
        </p>
      </section>
      {recent === null ? null : returning ? (
        <ShelfView
          title="For you"
          request={{ kind: 'for-you', limit: 8 }}
          subtitle="Picked from your recent browsing, on this device"
        />
      ) : (
        <ShelfView
          title="Trending now"
          request={{ kind: 'trending', limit: 8 }}
          subtitle="Popular with shoppers. Browse a little and this page learns your taste."
        />
      )}
      {returning && (
        <section className="shelf" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recently viewed</h2>
          <ul className="shelf__items">
            {recent.map((id) => (
              <li key={id}>
                <ProductCard item={items.get(id)!} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {returning && <ShelfView title="Trending now" request={{ kind: 'trending', limit: 8 }} />}
    </div>
  );
}
