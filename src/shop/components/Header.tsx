import { useState, type FormEvent } from 'react';
import { useCart } from '../cart.ts';
import { href, navigate, type Route } from '../router.ts';

export function Header({ route, departments }: { route: Route; departments: readonly string[] }) {
  const cart = useCart();
  const count = Object.values(cart).reduce((a, b) => a + b, 0);
  const routeQuery = route.page === 'search' ? route.query : '';
  const [query, setQuery] = useState(routeQuery);
  // A search reached another way (a link, back and forward, the address bar) shows its words
  // here too; leaving the results clears the box.
  const [shownFor, setShownFor] = useState(routeQuery);
  if (shownFor !== routeQuery) {
    setShownFor(routeQuery);
    setQuery(routeQuery);
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (query.trim()) navigate(href.search(query.trim()));
  };
  return (
    <header className="site-header">
      <div className="site-header__top">
        <a className="logo" href={href.home()} aria-label="LocalShelf home">
          <span aria-hidden="true">◧</span> LocalShelf
        </a>
        <form className="search-form" role="search" onSubmit={submit}>
          <label htmlFor="search-input" className="visually-hidden">
            Search products
          </label>
          <input
            id="search-input"
            type="search"
            placeholder="Search tents, kettles, phone cases…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
          />
          <button type="submit">Search</button>
        </form>
        <nav className="site-header__links" aria-label="Account">
          <a href={href.yourData()}>Your data</a>
          <a href={href.cart()} aria-label={`Cart, ${count} item${count === 1 ? '' : 's'}`}>
            Cart <span className="badge">{count}</span>
          </a>
        </nav>
      </div>
      <nav className="departments" aria-label="Departments">
        <ul>
          {departments.map((d) => (
            <li key={d}>
              <a
                href={href.category([d])}
                aria-current={route.page === 'category' && route.path[0] === d ? 'page' : undefined}
              >
                {d}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
