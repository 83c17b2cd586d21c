/** Who else is on this conversation: colleagues viewing it, and those typing a reply (collision). */
import type { Colleague } from '../live/colleagues';
import { UserText } from './user-text';
import { sayConversation } from '../conversation-text';

function names(list: readonly Colleague[]) {
  return list.map((c, i) => (
    <span key={c.id}>
      {i > 0 && (i === list.length - 1 ? sayConversation('and') : ', ')}
      <UserText text={c.name} />
    </span>
  ));
}

export function Collision({
  viewers,
  typing,
}: {
  viewers: readonly Colleague[];
  typing: readonly Colleague[];
}) {
  const typingIds = new Set(typing.map((c) => c.id));
  // Someone typing is also viewing: said once, as the stronger warning.
  const onlyViewing = viewers.filter((c) => !typingIds.has(c.id));
  return (
    <div class="collision" role="status" aria-live="polite">
      {typing.length > 0 && (
        <p class="collision-typing" data-testid="agent-typing">
          {names(typing)} {sayConversation(typing.length === 1 ? 'typingOne' : 'typingMany')}
        </p>
      )}
      {onlyViewing.length > 0 && (
        <p data-testid="viewers">
          {names(onlyViewing)} {sayConversation(onlyViewing.length === 1 ? 'viewingOne' : 'viewingMany')}
        </p>
      )}
    </div>
  );
}
