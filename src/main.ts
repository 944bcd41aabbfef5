import { mount } from 'svelte';
import App from './app/App.svelte';
import EmbedHost from './app/share/EmbedHost.svelte';
import { embedOf } from './app/share/start.ts';
import './app/app.css';

const target = document.getElementById('app')!;
// A link with `embed=` shows one chart alone (in an iframe), and never rewrites its own URL.
const embed = embedOf(location.href, navigator.languages);
if (embed) mount(EmbedHost, { target, props: embed });
else mount(App, { target });
