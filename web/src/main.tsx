import { render } from 'preact';
import { App } from './app/App.js';
import { language } from './i18n/i18n.js';
import { loadSession } from './session/session.state.js';
import './app/app.css';

document.documentElement.lang = language.value;
void loadSession();
render(<App />, document.getElementById('app')!);
