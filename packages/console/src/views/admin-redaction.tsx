/** The admins' own redaction rules, on top of the built-in ones: the list, with delete, and the editor. */
import { useEffect, useState } from 'preact/hooks';
import type { RedactionRule } from '@candor/protocol';
import { api } from '../api';
import { disabledReason, VALIDATORS } from '../rule-form';
import { isSignedOut, requestErrorText } from './admin-errors';
import { RuleEditor } from './rule-editor';
import { UserText } from './user-text';
import { visibleControls } from '@candor/protocol';
import { sayAdmin } from '../admin-text';

function validatorName(value: RedactionRule['validator']): string {
  const found = VALIDATORS.find((v) => v.value === value);
  return found ? sayAdmin(found.label) : value;
}

/** A stored rule the engine skips, with the reason, so admins do not believe it masks anything. */
function DisabledNote({ rule }: { rule: RedactionRule }) {
  const why = disabledReason(rule);
  if (why === undefined) return null;
  return (
    <p class="error" data-testid="rule-disabled">
      {why}
    </p>
  );
}

export function RedactionRulesSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [rules, setRules] = useState<RedactionRule[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  useEffect(() => {
    api.listRedactionRules().then(
      ({ rules }) => setRules(rules),
      (err) => (isSignedOut(err) ? onSignedOut() : setError(requestErrorText(err))),
    );
  }, []); // onSignedOut is a new closure each render and must not trigger a refetch

  const remove = async (rule: RedactionRule) => {
    setDeleting(rule.id);
    setError(null);
    try {
      await api.deleteRedactionRule(rule.id);
      setRules((list) => list?.filter((r) => r.id !== rule.id) ?? null);
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setError(
        sayAdmin('couldNotDelete', { label: visibleControls(rule.label), reason: requestErrorText(err) }),
      );
    } finally {
      setDeleting(null);
    }
  };

  return (
    <section class="admin-section" aria-labelledby="rules-title">
      <h2 id="rules-title">{sayAdmin('rulesTitle')}</h2>
      <p class="hint">{sayAdmin('rulesHint')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!rules && !error && <p class="quiet">{sayAdmin('loadingRules')}</p>}
      {rules && rules.length === 0 && <p class="quiet">{sayAdmin('noRules')}</p>}
      {rules && rules.length > 0 && (
        <table class="rules">
          <thead>
            <tr>
              <th scope="col">{sayAdmin('label')}</th>
              <th scope="col">{sayAdmin('pattern')}</th>
              <th scope="col">{sayAdmin('checksum')}</th>
              <th scope="col">
                <span class="visually-hidden">{sayAdmin('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id} data-testid="rule-row" data-rule-id={rule.id}>
                <td>
                  <UserText text={rule.label} />
                </td>
                <td>
                  <code dir="ltr">{visibleControls(rule.pattern)}</code>
                  <DisabledNote rule={rule} />
                </td>
                <td>{validatorName(rule.validator)}</td>
                <td>
                  <button
                    type="button"
                    data-testid="rule-delete"
                    aria-label={sayAdmin('deleteRule', { label: visibleControls(rule.label) })}
                    disabled={deleting === rule.id}
                    onClick={() => void remove(rule)}
                  >
                    {sayAdmin('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RuleEditor
        conflict={sayAdmin('ruleTaken')}
        onAdded={(rule) => setRules((list) => [...(list ?? []), rule])}
        onSignedOut={onSignedOut}
      />
    </section>
  );
}
