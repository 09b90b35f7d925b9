import { Frame } from './components/Frame.tsx';
import { ShopProvider, useShop } from './engine.tsx';
import { homePreview } from './home-shelves.ts';
import { CartPage, OrderDone } from './pages/CartPage.tsx';
import { CategoryPage } from './pages/CategoryPage.tsx';
import { Home } from './pages/Home.tsx';
import { HomePreview } from './pages/HomePreview.tsx';
import { ProductPage } from './pages/ProductPage.tsx';
import { SearchPage } from './pages/SearchPage.tsx';
import { YourData } from './pages/YourData.tsx';
import { useRoute, type Route } from './router.ts';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <Home />;
    case 'category':
      return <CategoryPage key={route.path.join('/')} path={route.path} />;
    case 'product':
      return <ProductPage id={route.id} />;
    case 'search':
      return <SearchPage query={route.query} />;
    case 'cart':
      return <CartPage />;
    case 'checkout-done':
      return <OrderDone orderId={route.orderId} />;
    case 'your-data':
      return <YourData />;
  }
}

function Loading({ error }: { error: string | null }) {
  return (
    <div className="page loading" role="status">
      <p className="logo">◧ LocalShelf</p>
      <p>{error ? `The shop could not start: ${error}` : 'Opening the shop…'}</p>
    </div>
  );
}

/** The shop once the catalog is there. */
function Shop({ route }: { route: Route }) {
  const { departments, engine } = useShop();
  return (
    <Frame route={route} departments={departments} engine={engine}>
      <Page route={route} />
    </Frame>
  );
}

export function App() {
  const route = useRoute();
  return (
    <ShopProvider
      fallback={(error) => <Loading error={error} />}
      // A return visit's home page draws its last "for you" before the catalog has loaded.
      preview={(engine, imageOf) => {
        const preview = route.page === 'home' ? homePreview(engine) : null;
        return (
          preview && (
            <Frame route={route} departments={preview.departments} engine={engine}>
              <HomePreview engine={engine} preview={preview} imageOf={imageOf} />
            </Frame>
          )
        );
      }}
    >
      <Shop route={route} />
    </ShopProvider>
  );
}
