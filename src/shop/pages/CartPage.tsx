import { useState } from 'react';
import { cart, useCart } from '../cart.ts';
import { ShelfView } from '../components/ShelfView.tsx';
import { useShop } from '../engine.tsx';
import { formatPrice } from '../format.ts';
import { usePageShelves } from '../page-shelves.ts';
import { href, navigate } from '../router.ts';
import { useTrack } from '../tracking.ts';

/** The most of one product a cart line takes. */
const MAX_QUANTITY = 20;

export function CartPage() {
  const { items, imageOf } = useShop();
  const lines = useCart();
  const track = useTrack();
  const [placing, setPlacing] = useState(false);
  const entries = Object.entries(lines).filter(([id]) => items.has(id));
  const total = entries.reduce((s, [id, q]) => s + items.get(id)!.price * q, 0);
  const currency = entries[0] ? items.get(entries[0][0])!.currency : 'EUR';
  // What goes with the whole cart, never a substitute of anything in it.
  const [goesWith] = usePageShelves(
    'cart',
    entries.length ? [{ kind: 'bought-together', itemIds: entries.map(([id]) => id).sort(), limit: 6 }] : [],
  );

  const remove = (id: string) => {
    track({ kind: 'remove_from_cart', itemId: id, quantity: lines[id] ?? 1 });
    cart.remove(id);
  };
  const change = (id: string, to: number) => {
    const from = lines[id] ?? 0;
    if (to === from || to < 0 || to > MAX_QUANTITY) return;
    track(
      to > from
        ? { kind: 'add_to_cart', itemId: id, quantity: to - from }
        : { kind: 'remove_from_cart', itemId: id, quantity: from - to },
    );
    cart.set(id, to);
  };
  // A simulated checkout: nothing is charged or sent; the purchase is recorded on this device.
  const checkout = async () => {
    setPlacing(true);
    const orderId = `o-${Date.now().toString(36)}`;
    for (const [id, quantity] of entries)
      track({ kind: 'purchase', itemId: id, quantity, price: items.get(id)!.price, orderId });
    cart.clear();
    navigate(href.order(orderId));
  };

  return (
    <div className="page">
      <h1>Your cart</h1>
      {entries.length === 0 ? (
        <p>
          Your cart is empty. <a href={href.home()}>Keep shopping</a>
        </p>
      ) : (
        <>
          <ul className="cart-lines" aria-label="Items in your cart">
            {entries.map(([id, quantity]) => {
              const item = items.get(id)!;
              return (
                <li key={id} className="cart-line" data-item-id={id}>
                  <img className="cart-line__image" src={imageOf(item)} alt="" width={72} height={72} />
                  <div className="cart-line__info">
                    <a href={href.product(id)}>{item.title}</a>
                    <span className="muted">{formatPrice(item.price, item.currency)} each</span>
                  </div>
                  <div className="cart-line__controls">
                    <div className="quantity" role="group" aria-label={`Quantity of ${item.title}`}>
                      <button
                        type="button"
                        className="button button--icon"
                        onClick={() => change(id, quantity - 1)}
                        disabled={quantity <= 1}
                        aria-label={`One fewer ${item.title}`}
                      >
                        −
                      </button>
                      <output aria-live="polite" aria-label={`Quantity: ${quantity}`}>
                        {quantity}
                      </output>
                      <button
                        type="button"
                        className="button button--icon"
                        onClick={() => change(id, quantity + 1)}
                        disabled={quantity >= MAX_QUANTITY}
                        aria-label={`One more ${item.title}`}
                      >
                        +
                      </button>
                    </div>
                    <span className="cart-line__price">
                      {formatPrice(item.price * quantity, item.currency)}
                    </span>
                    <button
                      type="button"
                      className="button button--link cart-line__remove"
                      onClick={() => remove(id)}
                      aria-label={`Remove ${item.title}`}
                    >
                      Remove
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          <p className="cart__total">
            Total: <strong>{formatPrice(total, currency)}</strong>
          </p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void checkout()}
            disabled={placing}
          >
            Place order (simulated)
          </button>
          <p className="muted">
            This is a demo: nothing is charged, and the order is recorded only in your browser.
          </p>
          {goesWith && <ShelfView id="goes-with-cart" title="Goes with your cart" result={goesWith} />}
        </>
      )}
    </div>
  );
}

export function OrderDone({ orderId }: { orderId: string }) {
  const [forYou] = usePageShelves('order-done', [{ kind: 'for-you', limit: 8 }]);
  return (
    <div className="page">
      <h1>Thank you!</h1>
      <p>
        Order <code>{orderId}</code> is recorded on this device. <a href={href.home()}>Back to the shop</a>
      </p>
      <ShelfView id="for-you" title="For you" result={forYou!} />
    </div>
  );
}
