import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import { bridge } from './bridge';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html must contain #root');

createRoot(container).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
