/** The canned-response picker under the reply box: an ARIA listbox driven from the textarea's keys. */
import type { CannedResponse } from '@candor/protocol';
import { say } from '../console-text';
import { visibleControls } from '@candor/protocol';
import { sayConversation } from '../conversation-text';

export const CANNED_LISTBOX_ID = 'canned-listbox';
export const cannedOptionId = (id: string) => `canned-option-${id}`;

interface Props {
  matches: readonly CannedResponse[];
  active: number;
  loading: boolean;
  query: string;
  /** The text as it would be inserted (variables filled). */
  preview: (c: CannedResponse) => string;
  onPick: (c: CannedResponse) => void;
}

export function CannedList({ matches, active, loading, query, preview, onPick }: Props) {
  return (
    <div class="canned-picker" data-testid="canned-picker">
      <p class="visually-hidden" role="status">
        {loading
          ? sayConversation('cannedLoading')
          : matches.length === 1
            ? sayConversation('cannedCountOne')
            : sayConversation('cannedCount', { count: matches.length })}
      </p>
      {!loading && matches.length === 0 && (
        <p class="quiet">{sayConversation('cannedNone', { query: visibleControls(query) })}</p>
      )}
      {matches.length > 0 && (
        <ul role="listbox" id={CANNED_LISTBOX_ID} aria-label={sayConversation('cannedResponses')}>
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={cannedOptionId(c.id)}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : undefined}
              data-testid="canned-option"
              data-shortcut={c.shortcut}
              // mousedown, not click: the textarea keeps focus (and the caret) while choosing.
              onMouseDown={(e) => {
                e.preventDefault();
                onPick(c);
              }}
            >
              <span class="canned-shortcut">/{c.shortcut}</span>
              <span class="canned-meta">
                {c.locale === null ? say('anyLanguage') : c.locale.toUpperCase()}
                {c.scope === 'personal' ? sayConversation('cannedYours') : ''}
              </span>
              <span class="canned-body">{visibleControls(preview(c))}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
