import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient } from '@tanstack/react-query';
import { startModelStream } from './api/index.ts';
import { App } from './App.tsx';
import './ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('netmap: the page has no #root element');
const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
// One stream per page, for as long as the page lives.
const stream = startModelStream(queryClient);
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} stream={stream} />
  </StrictMode>,
);
