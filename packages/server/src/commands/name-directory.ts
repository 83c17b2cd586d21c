import type { Verification } from '@candor/protocol';
import type { Store } from '../storage/store';
import { visitorNameFor } from '../domain/visitor-name';

interface KnownVisitor {
  name: string;
  verification: Verification;
}

/**
 * Display names for visitors and agents (and how a visitor is known), cached: they are read for every
 * message and inbox row
 * but change rarely (a visitor's when they give a name, told by `contact.changed`; agents' on create,
 * which calls forgetAgents()).
 */
export class NameDirectory {
  private readonly visitors = new Map<string, KnownVisitor>();
  private readonly agents = new Map<string, string>();

  constructor(private readonly store: Store) {}

  async visitor(id: string): Promise<string> {
    return (await this.known(id)).name;
  }

  /** Anonymous, self-declared or signed: changes only with the contact, so it is forgotten with the name. */
  async verification(visitorId: string): Promise<Verification> {
    return (await this.known(visitorId)).verification;
  }

  private async known(id: string): Promise<KnownVisitor> {
    const cached = this.visitors.get(id);
    if (cached !== undefined) return cached;
    const record = await this.store.findVisitorById(id);
    const known = {
      name: record?.name ?? visitorNameFor(id),
      verification: record?.verification ?? 'anonymous',
    };
    if (this.visitors.size > 50_000) this.visitors.clear(); // bounded; refilled on demand
    this.visitors.set(id, known);
    return known;
  }

  async agent(id: string): Promise<string> {
    const cached = this.agents.get(id);
    if (cached !== undefined) return cached;
    const name = (await this.store.findAgentById(id))?.name ?? 'Former agent';
    this.agents.set(id, name);
    return name;
  }

  /** A visitor gave a name (or was signed in): every node forgets the one it cached. */
  forgetVisitor(id: string): void {
    this.visitors.delete(id);
  }

  forgetVisitors(): void {
    this.visitors.clear();
  }

  forgetAgents(): void {
    this.agents.clear();
  }
}
