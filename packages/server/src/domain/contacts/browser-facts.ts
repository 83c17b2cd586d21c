/**
 * What the widget reports of the browser, kept only when well formed: a BCP 47 language tag and an
 * IANA time zone (the console shows the visitor's local time with it). Anything else is dropped, not
 * refused: a hello must not fail for an odd browser.
 */

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;

export function languageOf(tag: string | undefined): string | null {
  return tag !== undefined && tag.length <= 35 && LANGUAGE_TAG.test(tag) ? tag : null;
}

export function timeZoneOf(zone: string | undefined): string | null {
  if (zone === undefined || zone.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) return null;
  try {
    // Intl knows the IANA database: an unknown zone throws RangeError.
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
