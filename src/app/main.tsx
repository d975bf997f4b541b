import { render } from 'solid-js/web';
import { App } from './App';
import { locale } from './i18n';
import { registerServiceWorker } from './sw-update';
import './styles.css';

document.documentElement.lang = locale();
render(() => <App />, document.getElementById('root')!);
// After the first paint: the service worker helps the next visit, not this one.
window.addEventListener('load', () => void registerServiceWorker());
