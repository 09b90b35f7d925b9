import { useEffect, useId, useMemo, useRef } from 'react';
import type { CatalogItem, Recommendation } from '../../engine/index.ts';
import { useCart } from '../cart.ts';
import { useShop } from '../engine.tsx';
import { describeReason } from '../reason-words.ts';
import { href } from '../router.ts';

/** Places the popover under its button, inside the viewport (it lives in the top layer, outside the shelf's scroll box). */
function placeUnder(button: HTMLElement, popover: HTMLElement): void {
  const rect = button.getBoundingClientRect();
  const width = Math.min(320, window.innerWidth - 16);
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
  const below = rect.bottom + 6;
  popover.style.width = `${width}px`;
  popover.style.left = `${left}px`;
  // Above the button when there is no room below.
  const height = popover.offsetHeight || 200;
  popover.style.top = `${below + height > window.innerHeight ? Math.max(8, rect.top - height - 6) : below}px`;
}

/**
 * "Why this?" before the shop has the catalog to word the reasons with (a shelf preview): the
 * same button, so nothing moves when the shop takes over a moment later; it opens nothing yet.
 */
export function WhyThisSoon() {
  return (
    <button type="button" className="why__button" aria-disabled="true">
      Why this?
    </button>
  );
}

/**
 * "Why this?": a button that opens a popover (the browser's own: Escape and a click outside
 * close it, focus moves on into it) with the signals behind a recommendation, in plain words.
 */
export function WhyThis({ recommendation, item }: { recommendation: Recommendation; item: CatalogItem }) {
  const { items } = useShop();
  const lines = useCart();
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const sentences = useMemo(() => {
    const words = { item, itemOf: (i: string) => items.get(i), inCart: new Set(Object.keys(lines)) };
    const seen = new Set<string>();
    return recommendation.reasons.flatMap((reason) => {
      const text = describeReason(reason, words);
      if (seen.has(text)) return [];
      seen.add(text);
      return [{ text, link: 'itemId' in reason ? reason.itemId : null }];
    });
  }, [recommendation, item, items, lines]);
  useEffect(() => {
    const pop = popover.current;
    if (!pop) return;
    const onToggle = (e: Event) => {
      if ((e as ToggleEvent).newState === 'open' && button.current) placeUnder(button.current, pop);
    };
    // The shelf scrolls or the window resizes: a popover left behind would point at nothing.
    const close = () => pop.matches(':popover-open') && pop.hidePopover();
    pop.addEventListener('toggle', onToggle);
    window.addEventListener('resize', close);
    const scroller = button.current?.closest('.shelf__items');
    scroller?.addEventListener('scroll', close, { passive: true });
    return () => {
      pop.removeEventListener('toggle', onToggle);
      window.removeEventListener('resize', close);
      scroller?.removeEventListener('scroll', close);
    };
  }, []);
  const [first, ...rest] = sentences;
  return (
    <>
      <button ref={button} type="button" className="why__button" popoverTarget={id} aria-haspopup="dialog">
        Why this?
      </button>
      <div
        ref={popover}
        id={id}
        popover="auto"
        role="dialog"
        aria-label={`Why ${item.title}`}
        className="why"
      >
        <p className="why__summary">{first?.text ?? recommendation.explanation}</p>
        {rest.length > 0 && (
          <ul>
            {rest.map((s) => (
              <li key={s.text}>{s.link ? <a href={href.product(s.link)}>{s.text}</a> : s.text}</li>
            ))}
          </ul>
        )}
        <p className="why__note">Worked out in your browser from what you did here. Nothing was sent.</p>
        <button type="button" className="button button--link" popoverTarget={id} popoverTargetAction="hide">
          Close
        </button>
      </div>
    </>
  );
}
