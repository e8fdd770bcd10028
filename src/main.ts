import { mount } from 'svelte';
import './ui/styles.css';
import App from './ui/App.svelte';

mount(App, { target: document.getElementById('app')! });

// The built app caches itself for offline use (workshops); the dev server does not.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('./sw.js')
      .catch((e: unknown) => console.warn('Offline cache unavailable:', e));
  });
}
