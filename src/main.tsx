import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shop/App.tsx';
import { installNetworkAudit } from './shop/network-audit.ts';
import { preparePriceFormat } from './shop/format.ts';
import { imageBundle, shopSession } from './shop/session.ts';
import './shop/styles.css';

// Before anything can make a request, so the "Your data" page counts every one.
installNetworkAudit();
// The engine, catalog and pictures start loading now, while React renders the shell, not after
// its first commit (~200 ms later on a first visit here); both are one per page load.
void shopSession().catch(() => {}); // the shop's provider shows why it failed
void imageBundle();
// While the catalog downloads the page is idle: the price formatter's set-up fits there.
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => preparePriceFormat());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
