/** The typing preview policy of each inbox, saved as soon as it is chosen. */
import { useEffect, useState } from 'preact/hooks';
import type { Inbox, PreviewPolicy } from '@candor/protocol';
import { api } from '../api';
import { isSignedOut, requestErrorText } from './admin-errors';
import { UserText } from './user-text';
import { visibleControls } from '@candor/protocol';
import { PREVIEW_AUDIENCE } from './preview-audience';

const POLICIES: readonly { value: PreviewPolicy; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'opt_in', label: 'Opt-in (visitor turns it on)' },
  { value: 'on_with_notice', label: 'On with notice (default)' },
];

function parsePolicy(value: string): PreviewPolicy {
  return value === 'off' || value === 'opt_in' ? value : 'on_with_notice';
}

/** The outcome of the last change, shown beside its inbox. */
type Outcome = { inboxId: string; text: string; failed: boolean };

export function PreviewPolicySection({ onSignedOut }: { onSignedOut: () => void }) {
  const [inboxes, setInboxes] = useState<Inbox[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    api.listInboxes().then(
      ({ inboxes }) => setInboxes(inboxes),
      (err) => (isSignedOut(err) ? onSignedOut() : setLoadError(requestErrorText(err))),
    );
  }, []); // onSignedOut is a new closure each render and must not trigger a refetch

  const replace = (inbox: Inbox) =>
    setInboxes((list) => list?.map((i) => (i.id === inbox.id ? inbox : i)) ?? null);

  const choose = async (inbox: Inbox, previewPolicy: PreviewPolicy) => {
    if (previewPolicy === inbox.previewPolicy) return;
    setSaving(inbox.id);
    setOutcome(null);
    replace({ ...inbox, previewPolicy }); // the select shows the choice while it saves
    try {
      const res = await api.setPreviewPolicy(inbox.id, previewPolicy);
      replace(res.inbox);
      setOutcome({ inboxId: inbox.id, text: 'Saved.', failed: false });
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      replace(inbox);
      setOutcome({ inboxId: inbox.id, text: `Not saved: ${requestErrorText(err)}`, failed: true });
    } finally {
      setSaving(null);
    }
  };

  return (
    <section class="admin-section" aria-labelledby="preview-title">
      <h2 id="preview-title">Typing preview</h2>
      <p class="hint">{PREVIEW_AUDIENCE}</p>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {!inboxes && !loadError && <p class="quiet">Loading inboxes…</p>}
      {inboxes && (
        <table>
          <thead>
            <tr>
              <th scope="col">Inbox</th>
              <th scope="col">Typing preview</th>
              <th scope="col">
                <span class="visually-hidden">Status</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {inboxes.map((inbox) => (
              <tr key={inbox.id} data-testid="inbox-row" data-inbox-id={inbox.id}>
                <td>
                  <UserText text={inbox.name} />
                </td>
                <td>
                  <select
                    data-testid="preview-policy"
                    data-inbox-id={inbox.id}
                    aria-label={`Typing preview for ${visibleControls(inbox.name)}`}
                    value={inbox.previewPolicy}
                    disabled={saving === inbox.id}
                    onChange={(e) => void choose(inbox, parsePolicy(e.currentTarget.value))}
                  >
                    {POLICIES.map((p) => (
                      <option key={p.value} value={p.value}>
                        {p.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <RowStatus
                    saving={saving === inbox.id}
                    outcome={outcome?.inboxId === inbox.id ? outcome : null}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RowStatus({ saving, outcome }: { saving: boolean; outcome: Outcome | null }) {
  return (
    <span role="status" data-testid="preview-policy-status" class={outcome?.failed ? 'error' : 'quiet'}>
      {saving ? 'Saving…' : (outcome?.text ?? '')}
    </span>
  );
}
