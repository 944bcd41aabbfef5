import { mount } from 'svelte';
import App from './app/App.svelte';
import EmbedView from './app/EmbedView.svelte';
import { embedOf } from './app/share/start.ts';
import './app/app.css';

const target = document.getElementById('app')!;
// A link with `embed=` shows one chart alone (in an iframe), and never rewrites its own URL.
const embed = embedOf(location.href, navigator.languages);
if (embed) mount(EmbedView, { target, props: embed });
else mount(App, { target });
