import type { ReactNode } from 'react';
import type { CatalogItem, Recommendation } from '../../engine/index.ts';
import { useShop } from '../engine.tsx';
import { formatPrice } from '../format.ts';
import { href } from '../router.ts';
import type { PreviewCard } from '../shelf-preview.ts';
import { WhyThis } from './WhyThis.tsx';

interface Props {
  item: CatalogItem;
  /** Present when a shelf recommended the item: shows "Why this?". */
  recommendation?: Recommendation;
  /** Extra line under the price (e.g. a search boost). */
  note?: string;
  onOpen?: () => void;
}

export function ProductCard({ item, recommendation, note, onOpen }: Props) {
  const { imageOf } = useShop();
  return (
    <ProductCardView
      item={item}
      image={imageOf(item)}
      note={note}
      onOpen={onOpen}
      why={recommendation && <WhyThis recommendation={recommendation} item={item} />}
    />
  );
}

/** The card as drawn, from the fields a shelf preview keeps too (shelf-preview.ts). */
export function ProductCardView({
  item,
  image,
  note,
  onOpen,
  why,
}: {
  item: PreviewCard;
  image: string;
  note?: string;
  onOpen?: () => void;
  why?: ReactNode;
}) {
  return (
    <article className="card product-card" data-item-id={item.id}>
      <a className="product-card__link" href={href.product(item.id)} onClick={onOpen}>
        <img className="product-card__image" src={image} alt="" width={200} height={200} loading="lazy" />
        <span className="product-card__brand">{item.brand}</span>
        <span className="product-card__title">{item.title}</span>
      </a>
      <span className="product-card__price">{formatPrice(item.price, item.currency)}</span>
      {!item.inStock && <span className="badge badge--muted">Sold out</span>}
      {note && <span className="product-card__note">{note}</span>}
      {why}
    </article>
  );
}
