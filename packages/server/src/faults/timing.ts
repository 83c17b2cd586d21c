/** Durations of one kind of request: count, mean and worst, in milliseconds. */
export class Timing {
  count = 0;
  private sum = 0;
  max = 0;

  add(ms: number): void {
    this.count++;
    this.sum += ms;
    this.max = Math.max(this.max, ms);
  }

  get mean(): number {
    return this.count === 0 ? 0 : Math.round(this.sum / this.count);
  }
}
