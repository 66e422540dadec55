/**
 * Prints one exercise's answers as `Exercise <id> — <question>` followed by
 * `  <name>: <value>` lines (numbers in full precision), the format the
 * examples test reads back and compares with the book's expected answers.
 */
type Answer = number | boolean | string | Answer[];

function show(v: Answer): string {
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  return String(v);
}

export function exercise(id: string, question: string, answer: () => Record<string, Answer | unknown>): void {
  console.log(`Exercise ${id} — ${question}`);
  for (const [name, value] of Object.entries(answer())) console.log(`  ${name}: ${show(value as Answer)}`);
}
