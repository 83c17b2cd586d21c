/**
 * Add a redaction rule, or try it first: the Test box masks a sample with the built-in rules plus this one,
 * on the server, so what it shows is what visitors' text will get. Patterns are checked here first.
 */
import { useState } from 'preact/hooks';
import type { Redacted, RedactionRule } from '@candor/protocol';
import { api } from '../api';
import { checkRule, isValid, LABEL_MAX, parseValidator, PATTERN_MAX, VALIDATORS } from '../rule-form';
import type { RuleInput, RuleProblems, Validator } from '../rule-form';
import { isSignedOut, requestErrorText } from './admin-errors';
import { sayAdmin } from '../admin-text';

interface Props {
  conflict: string;
  onAdded: (rule: RedactionRule) => void;
  onSignedOut: () => void;
}

export function RuleEditor({ conflict, onAdded, onSignedOut }: Props) {
  const [label, setLabel] = useState('');
  const [pattern, setPattern] = useState('');
  const [validator, setValidator] = useState<Validator>('none');
  const [sample, setSample] = useState('');
  const [problems, setProblems] = useState<RuleProblems>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'add' | 'test' | null>(null);
  const [result, setResult] = useState<Redacted | null>(null);

  const rule: RuleInput = { label: label.trim(), pattern, validator };

  /** Checks locally, then runs `call`; returns nothing when the rule or the request failed. */
  const run = async <T,>(kind: 'add' | 'test', call: () => Promise<T>): Promise<T | undefined> => {
    const found = checkRule(rule);
    setProblems(found);
    setError(null);
    if (!isValid(found)) return undefined;
    setBusy(kind);
    try {
      return await call();
    } catch (err) {
      if (isSignedOut(err)) onSignedOut();
      else setError(requestErrorText(err, conflict));
      return undefined;
    } finally {
      setBusy(null);
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const res = await run('add', () => api.createRedactionRule(rule));
    if (!res) return;
    onAdded(res.rule);
    setLabel('');
    setPattern('');
    setValidator('none');
    setResult(null);
  };

  const test = async () => {
    const res = await run('test', () => api.testRedactionRule(rule, sample));
    if (res) setResult(res);
  };

  return (
    <form class="card rule-editor" onSubmit={(e) => void add(e)} aria-labelledby="rule-editor-title">
      <h3 id="rule-editor-title">{sayAdmin('addARule')}</h3>
      <div class="fields">
        <label>
          <span>{sayAdmin('label')}</span>
          <input
            data-testid="rule-label"
            autocomplete="off"
            value={label}
            maxLength={LABEL_MAX}
            placeholder={sayAdmin('labelExample')}
            aria-invalid={problems.label !== undefined}
            aria-describedby={problems.label ? 'rule-label-problem' : undefined}
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{sayAdmin('pattern')}</span>
          <input
            data-testid="rule-pattern"
            class="mono"
            value={pattern}
            maxLength={PATTERN_MAX}
            placeholder="EMP-\d{6}"
            spellcheck={false}
            autocomplete="off"
            aria-invalid={problems.pattern !== undefined}
            aria-describedby={
              problems.pattern ? 'rule-pattern-problem rule-pattern-hint' : 'rule-pattern-hint'
            }
            onInput={(e) => setPattern(e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{sayAdmin('checksum')}</span>
          <select
            data-testid="rule-validator"
            value={validator}
            onChange={(e) => setValidator(parseValidator(e.currentTarget.value))}
          >
            {VALIDATORS.map((v) => (
              <option key={v.value} value={v.value}>
                {sayAdmin(v.label)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id="rule-pattern-hint" class="hint">
        {sayAdmin('patternHint')}
      </p>
      {problems.label && (
        <p id="rule-label-problem" class="error" role="alert">
          {problems.label}
        </p>
      )}
      {problems.pattern && (
        <p id="rule-pattern-problem" class="error" role="alert" data-testid="rule-problem">
          {problems.pattern}
        </p>
      )}
      {error && (
        <p class="error" role="alert" data-testid="rule-error">
          {error}
        </p>
      )}
      <div class="fields">
        <label>
          <span>
            {sayAdmin('sampleText')} <span class="quiet">{sayAdmin('sampleNote')}</span>
          </span>
          <textarea
            data-testid="rule-sample"
            rows={2}
            value={sample}
            placeholder={sayAdmin('sampleExample')}
            onInput={(e) => setSample(e.currentTarget.value)}
          />
        </label>
      </div>
      <div class="form-bar">
        <button
          type="button"
          data-testid="rule-test"
          disabled={busy !== null || sample === ''}
          onClick={() => void test()}
        >
          {sayAdmin(busy === 'test' ? 'testing' : 'test')}
        </button>
        <button type="submit" class="primary" data-testid="rule-add" disabled={busy !== null}>
          {sayAdmin(busy === 'add' ? 'adding' : 'addRule')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {result && <TestResult result={result} />}
      </div>
    </form>
  );
}

function TestResult({ result }: { result: Redacted }) {
  return (
    <div class="rule-test-result" data-testid="rule-test-result">
      <span class="hint">{sayAdmin('masked')}</span>
      <p class="masked">{result.text}</p>
      <p>
        {result.found.length === 0
          ? sayAdmin('nothingFound')
          : sayAdmin('found', { labels: result.found.map((f) => f.label).join(', ') })}
      </p>
    </div>
  );
}
