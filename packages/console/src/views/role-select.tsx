/** An agent's role, chosen among admin, supervisor (approves recovery actions) and agent. */
import { AGENT_ROLES } from '@candor/protocol';
import type { AgentRole } from '@candor/protocol';
import { saySupervision } from '../recovery/supervision-text';

export function roleName(role: AgentRole): string {
  return saySupervision(`role_${role}`);
}

interface Props {
  role: AgentRole;
  onChange: (role: AgentRole) => void;
  /** The select's own name, when no visible label wraps it (a table row). */
  label?: string;
  disabled?: boolean;
  testId?: string;
}

export function RoleSelect({ role, onChange, label, disabled, testId }: Props) {
  return (
    <select
      data-testid={testId ?? 'agent-role-select'}
      aria-label={label}
      value={role}
      disabled={disabled}
      onChange={(e) => {
        const chosen = AGENT_ROLES.find((r) => r === e.currentTarget.value);
        if (chosen) onChange(chosen);
      }}
    >
      {AGENT_ROLES.map((r) => (
        <option key={r} value={r}>
          {roleName(r)}
        </option>
      ))}
    </select>
  );
}
