/**
 * The server names an anonymous visitor "Visitor 4F2A" (server domain/visitor-name.ts), whoever reads it;
 * the French console says "Visiteur 4F2A". A name the visitor gave is shown exactly as given.
 */
import { consoleLang, type ConsoleLang } from './console-text';

const DEFAULT_NAME = /^Visitor ([0-9A-F]{4})$/;

export function visitorLabel(name: string, lang: ConsoleLang = consoleLang()): string {
  const generated = DEFAULT_NAME.exec(name);
  return generated && lang === 'fr' ? `Visiteur ${generated[1] ?? ''}` : name;
}
