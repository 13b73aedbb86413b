import { render } from 'preact';
import { App } from './app/App';
import { language } from './i18n/i18n';
import { loadSession } from './session/session.state';
import './app/app.css';

document.documentElement.lang = language.value;
void loadSession();
render(<App />, document.getElementById('app')!);
