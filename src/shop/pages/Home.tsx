import { useEffect, useState } from 'react';
import { useEngineState, useEventsSnapshot, useShop } from '../engine.tsx';
import type { BackendInfo } from '../../engine/index.ts';
import { ShelfRow } from '../components/ShelfRow.tsx';
import { ShelfView } from '../components/ShelfView.tsx';
import { onRealGpu } from '../device-words.ts';
import { homeShelves } from '../home-shelves.ts';
import { usePageShelves } from '../page-shelves.ts';
import { readRecentSteps, recentItems, recentItemsAtLoad } from '../recent-items.ts';
import { ProductCard } from '../components/ProductCard.tsx';

/** Home: "for you" once the device knows the shopper, "trending" for newcomers, and "recently viewed". */
export function Home() {
  const { engine, items } = useShop();
  const revision = useEventsSnapshot().revision;
  const state = useEngineState();
  // On a return visit the first render already knows them (read while the catalog loaded).
  const [recent, setRecent] = useState<string[] | null>(() => recentItemsAtLoad(engine, items));
  useEffect(() => {
    void readRecentSteps(engine).then((steps) => {
      const ids = recentItems(steps, items);
      setRecent((prev) => (prev && prev.join() === ids.join() ? prev : ids));
    });
  }, [engine, items, revision]);
  const returning = recent !== null && recent.length > 0;
  const { page, requests } = homeShelves(returning);
  const [first, second] = usePageShelves(page, recent === null ? [] : requests);
  return (
    <div className="page">
      <HomeHero backend={state.backend} />
      {!first ? null : returning ? (
        <ShelfView id="for-you" title="For you" result={first} subtitle={FOR_YOU_SUBTITLE} />
      ) : (
        <ShelfView
          id="trending"
          title="Trending now"
          result={first}
          subtitle="Popular with shoppers. Browse a little and this page learns your taste."
        />
      )}
      {returning && (
        <ShelfRow title="Recently viewed" headingId="recent-heading">
          {recent.map((id) => (
            <li key={id}>
              <ProductCard item={items.get(id)!} />
            </li>
          ))}
        </ShelfRow>
      )}
      {returning && second && <ShelfView id="trending" title="Trending now" result={second} />}
    </div>
  );
}

export const FOR_YOU_SUBTITLE = 'Picked from your recent browsing, on this device';

/** The page's heading (the same in Home's preview). */
export function HomeHero({ backend }: { backend: BackendInfo | null }) {
  return (
    <section className="hero">
      <h1>Recommendations that learn on your device</h1>
      <p>
        Everything you do here stays in this browser. The shop's model learns your taste right here
        {onRealGpu(backend) ? ", on your device's GPU," : ''} and sends nothing about you anywhere.
      </p>
    </section>
  );
}
