/**
 * A conversation's required skills as the console edits them: typed as one line, comma-separated.
 * The server takes at most MAX_REQUIRED_SKILLS labels of at most SKILL_LENGTH_MAX characters.
 */
import { sayConversation } from './conversation-text';

export const MAX_REQUIRED_SKILLS = 10;
export const SKILL_LENGTH_MAX = 40;

/** The labels of a typed line: trimmed, inner spaces collapsed, empty ones and repeats dropped. */
export function parseSkillList(text: string): string[] {
  const skills: string[] = [];
  for (const raw of text.split(',')) {
    const skill = raw.trim().replace(/\s+/g, ' ');
    if (skill !== '' && !skills.includes(skill)) skills.push(skill);
  }
  return skills;
}

/** What is wrong with a list before sending it, or null. */
export function skillListProblem(skills: readonly string[]): string | null {
  if (skills.length > MAX_REQUIRED_SKILLS)
    return sayConversation('tooManySkills', { max: MAX_REQUIRED_SKILLS });
  const long = skills.find((s) => s.length > SKILL_LENGTH_MAX);
  return long === undefined
    ? null
    : sayConversation('skillTooLong', { skill: long.slice(0, 20), max: SKILL_LENGTH_MAX });
}

export function formatSkillList(skills: readonly string[]): string {
  return skills.join(', ');
}
