/** Mounts the console; everything else starts from the App's sign-in check. */
import { render } from 'preact';
import { App } from './views/app';

const root = document.getElementById('app');
if (root) render(<App />, root);
