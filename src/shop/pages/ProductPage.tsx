import { cart } from '../cart.ts';
import { ShelfView } from '../components/ShelfView.tsx';
import { usePageShelves } from '../page-shelves.ts';
import { useShop } from '../engine.tsx';
import { formatPrice } from '../format.ts';
import { href } from '../router.ts';
import { useTrack, useViewAndDwell } from '../tracking.ts';

export function ProductPage({ id }: { id: string }) {
  const { items } = useShop();
  const item = items.get(id);
  if (!item) {
    return (
      <div className="page">
        <h1>Product not found</h1>
        <p>
          There is no product with the id “{id}”. <a href={href.home()}>Back to the shop</a>
        </p>
      </div>
    );
  }
  return <ProductDetails key={id} id={id} />;
}

function ProductDetails({ id }: { id: string }) {
  const { items, imageOf } = useShop();
  const item = items.get(id)!;
  const track = useTrack();
  useViewAndDwell(id);
  const [together, similar, viewed] = usePageShelves(`product:${id}`, [
    { kind: 'bought-together', itemId: id, limit: 6 },
    { kind: 'similar', itemId: id, limit: 8 },
    { kind: 'because-viewed', itemId: id, limit: 8 },
  ]);
  const addToCart = () => {
    cart.add(id);
    track({ kind: 'add_to_cart', itemId: id, quantity: 1 });
  };
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href={href.home()}>Home</a>
        {item.category.map((c, i) => (
          <span key={c}>
            {' › '}
            <a href={href.category(item.category.slice(0, i + 1))}>{c}</a>
          </span>
        ))}
      </nav>
      <article className="product">
        <img className="product__image" src={imageOf(item)} alt={item.title} width={400} height={400} />
        <div className="product__info">
          <p className="product__brand">{item.brand}</p>
          <h1>{item.title}</h1>
          <p className="product__price">{formatPrice(item.price, item.currency)}</p>
          <p>{item.description}</p>
          {item.attributes && (
            <dl className="product__attributes">
              {Object.entries(item.attributes).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          )}
          {item.inStock ? (
            <button type="button" className="button button--primary" onClick={addToCart}>
              Add to cart
            </button>
          ) : (
            <p className="badge badge--muted">Sold out</p>
          )}
        </div>
      </article>
      <ShelfView id="bought-together" title="Bought together" result={together!} />
      <ShelfView id="similar" title="Similar items" result={similar!} />
      <ShelfView
        id="because-viewed"
        title={`Because you viewed ${item.title}`}
        result={viewed!}
        subtitle="Where shoppers went next"
      />
    </div>
  );
}
