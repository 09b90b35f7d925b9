import { useState } from 'react';
import { cart, useCart } from '../cart.ts';
import { ShelfView } from '../components/ShelfView.tsx';
import { useShop } from '../engine.tsx';
import { formatPrice } from '../format.ts';
import { href, navigate } from '../router.ts';
import { useTrack } from '../tracking.ts';

export function CartPage() {
  const { items } = useShop();
  const lines = useCart();
  const track = useTrack();
  const [placing, setPlacing] = useState(false);
  const entries = Object.entries(lines).filter(([id]) => items.has(id));
  const total = entries.reduce((s, [id, q]) => s + items.get(id)!.price * q, 0);
  const currency = entries[0] ? items.get(entries[0][0])!.currency : 'EUR';

  const remove = (id: string) => {
    track({ kind: 'remove_from_cart', itemId: id, quantity: lines[id] ?? 1 });
    cart.remove(id);
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
          <table className="cart">
            <caption className="visually-hidden">Items in your cart</caption>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Quantity</th>
                <th scope="col">Price</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map(([id, quantity]) => {
                const item = items.get(id)!;
                return (
                  <tr key={id}>
                    <td>
                      <a href={href.product(id)}>{item.title}</a>
                    </td>
                    <td>{quantity}</td>
                    <td>{formatPrice(item.price * quantity, item.currency)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--link"
                        onClick={() => remove(id)}
                        aria-label={`Remove ${item.title}`}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
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
          {entries[0] && (
            <ShelfView
              title="Goes with your cart"
              request={{ kind: 'bought-together', itemId: entries[0][0], limit: 6 }}
            />
          )}
        </>
      )}
    </div>
  );
}

export function OrderDone({ orderId }: { orderId: string }) {
  return (
    <div className="page">
      <h1>Thank you!</h1>
      <p>
        Order <code>{orderId}</code> is recorded on this device. <a href={href.home()}>Back to the shop</a>
      </p>
      <ShelfView title="For you" request={{ kind: 'for-you', limit: 8 }} />
    </div>
  );
}
