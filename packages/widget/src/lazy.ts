/**
 * Loads a part of the widget kept out of widget.js (docs/performance.md) from the Candor server, as a
 * classic script like widget.js itself: the same CSP source and no CORS. The script hands its export
 * back by an event on its own <script> element, so nothing is added to the page's globals.
 */

/** The event a lazy part dispatches on `document.currentScript` with its export as `detail`. */
export const LAZY_EVENT = 'candor-part';

export function loadPart<T>(src: string): Promise<T> {
  return new Promise((resolve, reject) => {
    // In the page's document, not the widget's shadow root: currentScript is null for a script there.
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.addEventListener(LAZY_EVENT, (ev) => resolve((ev as CustomEvent<T>).detail));
    // Fired after the script ran: without the event by then (not built, an error page), it never will.
    const failed = () => {
      script.remove();
      reject(new Error(`could not load ${src}`));
    };
    script.addEventListener('error', failed);
    script.addEventListener('load', failed);
    document.head.append(script);
  });
}

/** In a lazy part's entry: hands `part` to the loadPart that inserted this script. */
export function providePart(part: unknown): void {
  document.currentScript?.dispatchEvent(new CustomEvent(LAZY_EVENT, { detail: part }));
}
