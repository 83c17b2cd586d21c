/** The admin area: agents, routing, account recovery, the typing preview policy, redaction rules… Admins only. */
import type { Agent } from '@candor/protocol';
import { AgentsSection } from './admin-agents';
import { PreviewPolicySection } from './admin-preview';
import { ContactSettingsSection } from './admin-contact';
import { RedactionRulesSection } from './admin-redaction';
import { CannedResponsesSection } from './canned-responses';
import { RoutingSection } from './admin-routing';
import { ArticlesSection } from './admin-articles';
import { HoursSection } from './admin-hours';
import { BotSection } from './admin-bot';
import { OutboxSection } from './admin-outbox';
import { RecoverySettingsSection } from './admin-recovery';
import { sayAgents } from '../agents-text';

interface Props {
  me: Agent;
  onSignedOut: () => void;
}

export function AdminPage({ me, onSignedOut }: Props) {
  if (me.role !== 'admin') {
    return (
      <main class="admin">
        <p>{sayAgents('adminsOnly')}</p>
      </main>
    );
  }

  return (
    <main class="admin" aria-labelledby="admin-title">
      <h1 id="admin-title">{sayAgents('adminTitle')}</h1>
      <AgentsSection me={me} onSignedOut={onSignedOut} />
      <RoutingSection onSignedOut={onSignedOut} />
      <RecoverySettingsSection onSignedOut={onSignedOut} />
      <HoursSection onSignedOut={onSignedOut} />
      <PreviewPolicySection onSignedOut={onSignedOut} />
      <ContactSettingsSection onSignedOut={onSignedOut} />
      <RedactionRulesSection onSignedOut={onSignedOut} />
      <CannedResponsesSection scope="shared" onSignedOut={onSignedOut} />
      <ArticlesSection onSignedOut={onSignedOut} />
      <BotSection onSignedOut={onSignedOut} />
      <OutboxSection onSignedOut={onSignedOut} />
    </main>
  );
}
