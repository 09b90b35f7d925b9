import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shop/App.tsx';
import { installNetworkAudit } from './shop/network-audit.ts';
import './shop/styles.css';

// Before anything can make a request, so the "Your data" page counts every one.
installNetworkAudit();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
