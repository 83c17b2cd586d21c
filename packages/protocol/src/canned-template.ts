/**
 * Filling a canned response's variables: a pure rule, in the protocol so the console (which fills them
 * when an agent inserts one) and the server fill alike. Only the names below are replaced; anything
 * else between braces is left as typed, so a response never silently loses text.
 */
export interface CannedVariables {
  visitorName: string;
  agentName: string;
}

const VARIABLE = /\{\{\s*(visitor\.name|agent\.name)\s*\}\}/g;

export function fillCannedResponse(body: string, vars: CannedVariables): string {
  // A function replacement, so a `$&` in a name is inserted literally.
  return body.replace(VARIABLE, (_match, name: string) =>
    name === 'visitor.name' ? vars.visitorName : vars.agentName,
  );
}
