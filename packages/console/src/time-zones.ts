/** The time zone select's options: the runtime's IANA zones grouped by region, the browser's own first. */
import type { ConsoleLang } from './console-text';
import { sayHours } from './hours-text';

export interface ZoneGroup {
  label: string;
  zones: string[];
}

/** The browser's zone, or UTC outside a browser. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function knownZones(): string[] {
  // Every engine the console supports has supportedValuesOf; a stub keeps the form usable without it.
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
}

/**
 * Zones grouped by their region ("Europe/Paris" under Europe), regions in alphabetical order, zones
 * without a region (UTC) under Other. `mustHave` (the stored zone, the browser's) is listed even when
 * the runtime's list lacks it, so the select never silently changes a saved zone.
 */
export function zoneGroups(
  lang: ConsoleLang,
  mustHave: readonly string[] = [],
  zones: readonly string[] = knownZones(),
): ZoneGroup[] {
  const all = [...new Set([...zones, ...mustHave.filter((z) => z !== ''), 'UTC'])];
  const byRegion = new Map<string, string[]>();
  const other = sayHours('otherZones', {}, lang);
  for (const zone of all) {
    const slash = zone.indexOf('/');
    const region = slash > 0 ? zone.slice(0, slash) : other;
    const list = byRegion.get(region) ?? [];
    list.push(zone);
    byRegion.set(region, list);
  }
  return [...byRegion]
    .sort(([a], [b]) => (a === other ? 1 : b === other ? -1 : a.localeCompare(b)))
    .map(([label, list]) => ({ label, zones: list.sort() }));
}

/** How a zone reads in the select: "Europe/Paris" as "Paris", "America/Argentina/Salta" as "Argentina / Salta". */
export function zoneLabel(zone: string): string {
  const slash = zone.indexOf('/');
  return (slash > 0 ? zone.slice(slash + 1) : zone).replaceAll('/', ' / ').replaceAll('_', ' ');
}
