import { render } from 'solid-js/web';
import { App } from './App';
import { afterFirstScreen } from './first-screen';
import { locale } from './i18n';
import { startSync } from './stores/sync';
import { registerServiceWorker } from './sw-update';
import './styles.css';

document.documentElement.lang = locale();
render(() => <App />, document.getElementById('root')!);
// Neither may delay the first screen: the service worker helps the next visit, and the sync
// engine sends what earlier visits left in the outbox (a submit starts it at once anyway).
afterFirstScreen(() => {
  void registerServiceWorker();
  void startSync();
});
