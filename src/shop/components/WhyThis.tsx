import type { Reason, Recommendation } from '../../engine/index.ts';
import { href } from '../router.ts';

function describe(reason: Reason): string {
  switch (reason.type) {
    case 'history':
      return `You ${reason.kind === 'purchase' ? 'bought' : reason.kind === 'add_to_cart' ? 'added to cart' : 'viewed'} ${reason.title} (similarity ${reason.similarity.toFixed(2)})`;
    case 'similar':
      return `Similar to ${reason.title}${reason.shared.length ? `: same ${reason.shared.join(', ')}` : ''}`;
    case 'complement':
      return `Goes with ${reason.title}`;
    case 'next-item':
      return `Shoppers often move on to it from ${reason.title}`;
    case 'trending':
      return `#${reason.rank} most popular in the shop`;
    case 'reranker':
      return reason.why.length
        ? reason.why.map((w) => w.text).join('; ')
        : `Ordered by what you did here: ${(reason.probability * 100).toFixed(0)}% chance you'd open it`;
    case 'fallback':
      return `Shown because ${reason.why}`;
  }
}

/** "Why this?": the signals behind a recommendation, computed on this device. */
export function WhyThis({ recommendation }: { recommendation: Recommendation }) {
  return (
    <details className="why">
      <summary>Why this?</summary>
      <p className="why__summary">{recommendation.explanation}</p>
      <ul>
        {recommendation.reasons.map((reason, i) => (
          <li key={i}>
            {'itemId' in reason ? (
              <a href={href.product(reason.itemId)}>{describe(reason)}</a>
            ) : (
              describe(reason)
            )}
          </li>
        ))}
      </ul>
      <p className="why__note">Worked out in your browser from what you did here. Nothing was sent.</p>
    </details>
  );
}
