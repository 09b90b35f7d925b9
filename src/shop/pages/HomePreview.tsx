import { useEffect } from 'react';
import type { LocalShelf } from '../../engine/index.ts';
import { useCart } from '../cart.ts';
import { shelfDrawn } from '../first-shelf.ts';
import type { ImageOf } from '../engine.tsx';
import type { homePreview } from '../home-shelves.ts';
import { ProductCardView } from '../components/ProductCard.tsx';
import { ShelfRow } from '../components/ShelfRow.tsx';
import { WhyThisSoon } from '../components/WhyThis.tsx';
import { FOR_YOU_SUBTITLE, HomeHero } from './Home.tsx';

/**
 * Home on a return visit before the catalog has loaded: the last visit's "for you", drawn
 * from IndexedDB alone, exactly where Home draws it (Home takes over once the catalog is
 * there). Like Home's own cached shelf, it is not recorded as shown: the fresh one is, later.
 */
export function HomePreview({
  engine,
  preview,
  imageOf,
}: {
  engine: LocalShelf;
  preview: NonNullable<ReturnType<typeof homePreview>>;
  imageOf: ImageOf;
}) {
  // What went into the cart since is no longer a recommendation (as on Home).
  const inCart = useCart();
  const { shelf, cards } = preview;
  useEffect(() => shelfDrawn('cached'), []);
  return (
    <div className="page">
      <HomeHero backend={engine.getSnapshot().backend} />
      <ShelfRow
        title="For you"
        headingId="shelf-for-you"
        subtitle={FOR_YOU_SUBTITLE}
        data={{ 'data-shelf': shelf.kind, 'data-shelf-source': 'cached', 'data-preview': '' }}
      >
        {shelf.items
          .filter((r) => !(r.itemId in inCart))
          .map((rec, position) => {
            const card = cards.get(rec.itemId)!;
            return (
              <li key={rec.itemId}>
                <ProductCardView
                  item={card}
                  image={imageOf(card)}
                  why={<WhyThisSoon />}
                  onOpen={() => {
                    // Recorded as on Home: the engine is there, only the catalog is not.
                    engine
                      .track({ kind: 'click', itemId: rec.itemId, shelf: shelf.kind, position })
                      .catch((e: unknown) =>
                        console.warn(`LocalShelf did not record a click event: ${(e as Error).message}`),
                      );
                  }}
                />
              </li>
            );
          })}
      </ShelfRow>
    </div>
  );
}
