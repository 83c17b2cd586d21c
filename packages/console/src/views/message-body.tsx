/**
 * A message body as the console shows it: its bidi controls made visible (see UserText), and its
 * http, https and mailto addresses as links (splitLinks). Preact builds each anchor as a DOM node; the
 * body is never markup. Links open in a new tab and give the visitor's site nothing: no opener, no
 * referrer, and no search-engine credit for what a stranger typed.
 */
import { splitLinks, visibleControls } from '@candor/protocol';

export function MessageBody({ text }: { text: string }) {
  return (
    <p class="body" dir="auto">
      {splitLinks(text).map((part, i) =>
        part.href === undefined ? (
          visibleControls(part.text)
        ) : (
          <a key={i} href={part.href} title={part.href} target="_blank" rel="noopener noreferrer nofollow">
            {visibleControls(part.text)}
          </a>
        ),
      )}
    </p>
  );
}
