/** widget-help.js: the Help tab, loaded by widget.js when the tab is first shown. */
import { createHelpView } from './help-view';
import { providePart } from './lazy';

providePart(createHelpView);
