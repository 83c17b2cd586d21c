/** What happened in the shop, newest first, shown on its page: logins, locks, and Candor's webhooks. */
export interface Activity {
  at: number;
  text: string;
}

const KEPT = 50;

export class ActivityLog {
  private readonly entries: Activity[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  add(text: string): void {
    this.entries.unshift({ at: this.now(), text });
    this.entries.length = Math.min(this.entries.length, KEPT);
  }

  list(): readonly Activity[] {
    return this.entries;
  }
}
