import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './app/App.svelte';
import UpdatePrompt from './app/UpdatePrompt.svelte';
import { createAppContext } from './app/context.ts';
import { loadFirstResults, loadFirstResultsForLink } from './app/firstResults.ts';
import { embedOf } from './app/share/start.ts';
import { followDocumentLanguage } from './export/fonts.ts';
import { detectLocale, loadLang } from './i18n/index.ts';
import { expandEmbedUrl } from './share/embed.ts';
import { decodeState, defaultState, scenarioOf } from './share/urlState.ts';
import './app/app.css';

const target = document.getElementById('app')!;
// The default page's first results, computed at build time, load at once beside the rest
// (for a link, once it is read: only if it holds one of the default scenarios).
const first = loadFirstResults(location.href);
const framed = (() => {
  try {
    return window.top !== window.self;
  } catch {
    return true; // a cross-site parent cannot even be compared
  }
})();

/**
 * The service worker (offline use) of the built app, only on a page of its
 * own: never inside a frame (an embed in another site's page or a slide),
 * where it could not serve the app and would only log errors. The
 * single-file build has no manifest and no worker. When a new build has been
 * installed, the page offers to reload (UpdatePrompt) instead of serving the
 * old build once more; the new build takes over when the user accepts.
 */
function registerServiceWorker(): void {
  if (framed || !('serviceWorker' in navigator)) return;
  if (!document.querySelector('link[rel="manifest"]')) return;
  let prompt: ReturnType<typeof mount> | null = null;
  const update = registerSW({
    onNeedRefresh() {
      if (prompt) return;
      const host = document.body.appendChild(document.createElement('div'));
      const reload = () => {
        // The new build takes control once it skips waiting; then the page reloads into it
        // (whether or not the update was found by this page's own registration).
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
          once: true,
        });
        void update();
      };
      prompt = mount(UpdatePrompt, { target: host, props: { reload } });
    },
    onRegisterError() {
      // Offline use is a convenience: the app works without it.
    },
  });
}

async function start(): Promise<void> {
  // A compact embed link (`e=`) carries its query deflated: read it first.
  const compact = await expandEmbedUrl(location.href);
  const href = compact?.ok ? compact.href : location.href;
  // Japanese texts load before a page in Japanese first renders (English is bundled).
  const lang = new URL(href).searchParams.get('lang');
  if (lang === 'ja' || (lang !== 'en' && detectLocale(navigator.languages) === 'ja'))
    await loadLang('ja');
  // The link is decoded once, here: the embed view or the app (its scenario models built from
  // it, so that their first runs are the link's) take it as it is.
  const decoded = decodeState(href, { lang: detectLocale(navigator.languages) });
  // The app's state is made here, once: the root component puts it into context for the others.
  const app = createAppContext();
  // A link with `embed=` shows one chart alone (in an iframe), and never rewrites its own URL.
  // The embed's view loads only for an embed (a smaller first download for the app).
  const embed = compact && !compact.ok ? null : embedOf(decoded);
  if (compact && !compact.ok) {
    const { default: EmbedBroken } = await import('./app/export/EmbedBroken.svelte');
    mount(EmbedBroken, { target, props: { error: compact.error } });
  } else if (embed) {
    const [{ default: EmbedView }, { embedNotices }] = await Promise.all([
      import('./app/EmbedView.svelte'),
      import('./app/export/embedNotices.ts'),
    ]);
    const notices = embedNotices(decoded, compact?.ok ? compact.fingerprint : null);
    mount(EmbedView, { target, props: { app, chart: embed.chart, state: embed.state, notices } });
  } else {
    const { a, b } = decoded.state;
    const defaults = defaultState('en');
    const forLink = () =>
      loadFirstResultsForLink(
        [scenarioOf(a), scenarioOf(b)],
        [scenarioOf(defaults.a), scenarioOf(defaults.b)],
      );
    mount(App, { target, props: { app, decoded, href, first: first ?? forLink() } });
  }
}

// After a font has loaded, the charts are drawn again (Chart.js loads with them, beside the first view).
followDocumentLanguage(document, () => {
  void import('./app/charts/chart.svelte.ts').then((m) => m.refreshCharts());
});
registerServiceWorker();
void start();
