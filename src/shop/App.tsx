import { DevtoolsLauncher } from './components/DevtoolsLauncher.tsx';
import { Header } from './components/Header.tsx';
import { ShopProvider } from './engine.tsx';
import { CartPage, OrderDone } from './pages/CartPage.tsx';
import { CategoryPage } from './pages/CategoryPage.tsx';
import { Home } from './pages/Home.tsx';
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

export function App() {
  const route = useRoute();
  return (
    <ShopProvider fallback={(error) => <Loading error={error} />}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header route={route} />
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer className="site-footer">
        <p>
          LocalShelf demo shop. Your behaviour never leaves this browser.{' '}
          <a href="#/your-data">See and control your data</a>.
        </p>
        <DevtoolsLauncher />
      </footer>
    </ShopProvider>
  );
}
