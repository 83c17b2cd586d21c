import { GROUP_SEPARATOR } from './separators';

/**
 * A maximal run of digit groups joined by separators: one or two spaces, a dash with or without a
 * space either side, or a dot, any Unicode space or dash counting ("4242 4242", "06.12.34", "482-913",
 * "4242 - 4242", "4242\u00a04242").
 */
export interface DigitRun {
  start: number;
  end: number;
  groups: string[];
  /** Where each group ends in the text. */
  ends: number[];
  /** The separators, joined ("" for a single group). */
  seps: string;
}

const RUN = new RegExp(`\\d+(?:${GROUP_SEPARATOR}\\d+)*`, 'g');

/** Found once per pass and shared by the card and code detectors; runs of one or two digits are left out. */
export function digitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  RUN.lastIndex = 0;
  for (let m; (m = RUN.exec(text));) {
    const run = m[0];
    if (run.length < 3) continue;
    const groups: string[] = [];
    const ends: number[] = [];
    let seps = '';
    for (let i = 0, from = 0; i <= run.length; i++) {
      const c = run.charCodeAt(i);
      if (c >= 48 && c <= 57) continue;
      if (i > from) {
        groups.push(run.slice(from, i));
        ends.push(m.index + i);
      }
      if (i < run.length) seps += run.charAt(i);
      from = i + 1;
    }
    runs.push({ start: m.index, end: m.index + run.length, groups, ends, seps });
  }
  return runs;
}
