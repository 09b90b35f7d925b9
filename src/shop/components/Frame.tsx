import type { ReactNode } from 'react';
import type { LocalShelf } from '../../engine/index.ts';
import type { Route } from '../router.ts';
import { DevtoolsLauncher } from './DevtoolsLauncher.tsx';
import { Header } from './Header.tsx';

/** What is around every page: one component for the shop and its preview, so nothing moves when the shop takes over. */
export function Frame({
  route,
  departments,
  engine,
  children,
}: {
  route: Route;
  departments: readonly string[];
  engine: LocalShelf;
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header route={route} departments={departments} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          LocalShelf demo shop. Your behaviour never leaves this browser.{' '}
          <a href="#/your-data">See and control your data</a>.
        </p>
        <DevtoolsLauncher engine={engine} />
      </footer>
    </>
  );
}
