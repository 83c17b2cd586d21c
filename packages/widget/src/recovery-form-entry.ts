/** widget-recovery.js: the recovery form, loaded by widget.js on the first press of its offer. */
import { providePart } from './lazy';
import { createRecoveryForm } from './recovery-form';

providePart(createRecoveryForm);
