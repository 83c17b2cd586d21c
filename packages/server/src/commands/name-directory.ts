import type { Store } from '../storage/store';
import { visitorNameFor } from '../domain/visitor-name';

/**
 * Display names for visitors and agents, cached: they are read for every message and inbox row
 * but change rarely (a visitor's when they give a name, told by `contact.changed`; agents' on create,
 * which calls forgetAgents()).
 */
export class NameDirectory {
  private readonly visitors = new Map<string, string>();
  private readonly agents = new Map<string, string>();

  constructor(private readonly store: Store) {}

  async visitor(id: string): Promise<string> {
    const cached = this.visitors.get(id);
    if (cached !== undefined) return cached;
    const name = (await this.store.findVisitorById(id))?.name ?? visitorNameFor(id);
    if (this.visitors.size > 50_000) this.visitors.clear(); // bounded; refilled on demand
    this.visitors.set(id, name);
    return name;
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
