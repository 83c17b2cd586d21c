/** The typing preview policy of each inbox, saved as soon as it is chosen. */
import { useEffect, useState } from 'preact/hooks';
import type { Inbox, PreviewPolicy } from '@candor/protocol';
import { api } from '../api';
import { isSignedOut, requestErrorText } from './admin-errors';
import { UserText } from './user-text';
import { visibleControls } from '@candor/protocol';
import { previewAudience } from './preview-audience';
import { POLICY_KEYS, sayAdmin } from '../admin-text';

const POLICIES = Object.keys(POLICY_KEYS) as PreviewPolicy[];

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
      setOutcome({ inboxId: inbox.id, text: sayAdmin('saved'), failed: false });
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      replace(inbox);
      setOutcome({
        inboxId: inbox.id,
        text: sayAdmin('notSaved', { reason: requestErrorText(err) }),
        failed: true,
      });
    } finally {
      setSaving(null);
    }
  };

  return (
    <section class="admin-section" aria-labelledby="preview-title">
      <h2 id="preview-title">{sayAdmin('typingPreview')}</h2>
      <p class="hint">{previewAudience()}</p>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {!inboxes && !loadError && <p class="quiet">{sayAdmin('loadingInboxes')}</p>}
      {inboxes && (
        <table>
          <thead>
            <tr>
              <th scope="col">{sayAdmin('inbox')}</th>
              <th scope="col">{sayAdmin('typingPreview')}</th>
              <th scope="col">
                <span class="visually-hidden">{sayAdmin('status')}</span>
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
                    aria-label={sayAdmin('previewFor', { inbox: visibleControls(inbox.name) })}
                    value={inbox.previewPolicy}
                    disabled={saving === inbox.id}
                    onChange={(e) => void choose(inbox, parsePolicy(e.currentTarget.value))}
                  >
                    {POLICIES.map((p) => (
                      <option key={p} value={p}>
                        {sayAdmin(POLICY_KEYS[p])}
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
      {saving ? sayAdmin('saving') : (outcome?.text ?? '')}
    </span>
  );
}
