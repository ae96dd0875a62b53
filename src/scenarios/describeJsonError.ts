/**
 * Words a JSON syntax error the same way in every JavaScript engine: the reason and a position.
 */

/** `not valid JSON: <reason> at position N`, whatever wording the JavaScript engine uses. */
export function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : 'syntax error';
  const reason = raw
    .replace(/^JSON\.parse: /, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ (?:in JSON )?at position \d+.*$/s, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '');
  return `not valid JSON: ${reason} at position ${reportedPosition(text, raw) ?? firstBadPosition(text)}`;
}

function reportedPosition(text: string, message: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position !== null) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn === null) return undefined;
  const lines = text.split('\n').slice(0, Number(lineColumn[1]) - 1);
  return lines.reduce((offset, line) => offset + line.length + 1, 0) + Number(lineColumn[2]) - 1;
}

/** Where parsing breaks: the shortest prefix that fails for a reason other than ending early. */
function firstBadPosition(text: string): number {
  if (!failsBeforeEnd(text)) return text.length;
  let fine = 0;
  let failing = text.length;
  while (failing - fine > 1) {
    const middle = Math.floor((fine + failing) / 2);
    if (failsBeforeEnd(text.slice(0, middle))) failing = middle;
    else fine = middle;
  }
  return failing - 1;
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/end of (?:JSON )?(?:input|data)|EOF/i.test(message)) return false;
    const position = /at position (\d+)/.exec(message);
    return position === null || Number(position[1]) < prefix.length;
  }
}
