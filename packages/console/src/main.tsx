/** Mounts the console; everything else starts from the App's sign-in check. */
import { render } from 'preact';
import { consoleLang } from './console-text';
import { App } from './views/app';

// The served HTML says lang="en" (it is one static file for every agent); the console speaks the
// browser's language, so screen readers and spell-checkers must be told which one.
document.documentElement.lang = consoleLang();

const root = document.getElementById('app');
if (root) render(<App />, root);
