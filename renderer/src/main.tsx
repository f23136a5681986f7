import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/components.css';

const root = document.getElementById('root');
if (root) {
  // Lets the stylesheet tell keyboard users' focus styles apart from a JS-less page.
  document.documentElement.classList.add('js');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
