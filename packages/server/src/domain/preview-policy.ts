/**
 * What an admin's change of an inbox's typing preview policy does to the switches already on. Under
 * `on_with_notice` the preview is on unless the visitor switches it off, so a switch that is on may be
 * nothing more than that default. Tightening the policy (to `opt_in` or `off`) therefore turns every
 * switch off: from then on a preview runs only for a visitor who turns it on under the new policy.
 */
import type { PreviewPolicy } from '@candor/protocol';

export function voidsSwitches(from: PreviewPolicy, to: PreviewPolicy): boolean {
  return from !== to && to !== 'on_with_notice';
}
