import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './app/App.svelte';
import UpdatePrompt from './app/UpdatePrompt.svelte';
import EmbedView from './app/EmbedView.svelte';
import EmbedBroken from './app/export/EmbedBroken.svelte';
import { embedNotices } from './app/export/embedNotices.ts';
import { embedOf } from './app/share/start.ts';
import { refreshCharts } from './app/charts/chart.svelte.ts';
import { followDocumentLanguage } from './export/fonts.ts';
import { expandEmbedUrl } from './share/embed.ts';
import './app/app.css';

const target = document.getElementById('app')!;
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
  // A link with `embed=` shows one chart alone (in an iframe), and never rewrites its own URL.
  const embed = compact && !compact.ok ? null : embedOf(href, navigator.languages);
  if (compact && !compact.ok) {
    mount(EmbedBroken, { target, props: { error: compact.error } });
  } else if (embed) {
    const notices = embedNotices(href, embed.state, compact?.ok ? compact.fingerprint : null);
    mount(EmbedView, { target, props: { chart: embed.chart, state: embed.state, notices } });
  } else {
    mount(App, { target });
  }
}

followDocumentLanguage(document, refreshCharts);
registerServiceWorker();
void start();
