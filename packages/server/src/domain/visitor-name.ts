/** Anonymous visitors get a short, stable, human name derived from their id ("Visitor 4F2A"). */
export function visitorNameFor(visitorId: string): string {
  const hex = visitorId.replace(/[^0-9a-f]/gi, '');
  return `Visitor ${hex.slice(0, 4).toUpperCase() || '0000'}`;
}
