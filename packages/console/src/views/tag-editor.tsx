/** A conversation's tags in the console header: remove one with its button, add one by name. */
import { useState } from 'preact/hooks';
import { TOOL_LIMITS } from '@candor/protocol';
import { UserText } from './user-text';
import { sayConversation } from '../conversation-text';

interface Props {
  tags: readonly string[];
  /** Saves the whole new list; rejects with a message to show. */
  onChange: (tags: string[]) => Promise<void>;
  disabled?: boolean;
}

export function TagEditor({ tags, onChange, disabled }: Props) {
  const [adding, setAdding] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const full = tags.length >= TOOL_LIMITS.tagsPerConversation;

  const save = async (next: string[]) => {
    setBusy(true);
    setError(null);
    try {
      await onChange(next);
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : sayConversation('tagsNotSaved'));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="tags" data-testid="tags">
      <ul class="tag-list" aria-label={sayConversation('tags')}>
        {tags.map((tag) => (
          <li key={tag} class="tag" data-testid="tag">
            <UserText text={tag} />
            <button
              type="button"
              class="tag-remove"
              aria-label={sayConversation('removeTag', { tag })}
              disabled={disabled || busy}
              onClick={() => void save(tags.filter((t) => t !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        class="tag-add"
        onSubmit={async (e) => {
          e.preventDefault();
          const tag = adding.trim();
          if (!tag) return;
          if (await save([...tags, tag])) setAdding('');
        }}
      >
        <label for="tag-input" class="visually-hidden">
          {sayConversation('addATag')}
        </label>
        <input
          id="tag-input"
          data-testid="tag-input"
          value={adding}
          maxLength={TOOL_LIMITS.tagLengthMax}
          placeholder={sayConversation(full ? 'tagLimit' : 'addTag')}
          disabled={disabled || busy || full}
          aria-describedby={error ? 'tag-error' : undefined}
          onInput={(e) => setAdding(e.currentTarget.value)}
        />
      </form>
      {error && (
        <span id="tag-error" class="hint error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
