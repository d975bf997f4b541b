// The `relevant` column: a small part of XLSForm's expression language, exactly what a `showIf`
// can say. Terms `${q} = 'value'`, `${q} = 3` or `selected(${q}, 'value')`, joined by `or`,
// all naming the same question. Anything else is refused with a message rather than
// half-understood, since a wrong condition silently hides a question from respondents.
import type { ShowIf } from '../survey';

const TERM = /^(?:\$\{([^}\s]+)\}\s*=\s*(.+?)|selected\(\s*\$\{([^}\s]+)\}\s*,\s*(.+?)\s*\))$/is;
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/** A quoted string (`'…'` or `"…"`, the quote doubled inside) or a number; undefined otherwise. */
function parseValue(text: string): string | number | undefined {
  if (NUMBER.test(text)) return Number(text);
  const quote = text[0];
  if ((quote !== "'" && quote !== '"') || text.length < 2 || text[text.length - 1] !== quote) return undefined;
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] === quote && (++i >= text.length - 1 || text[i] !== quote)) return undefined;
    out += text[i];
  }
  return out;
}

/** Splits on ` or ` outside quotes. */
function terms(expression: string): string[] {
  const out: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (/\s/.test(ch) && /^\s+or\s+/i.test(expression.slice(i))) {
      out.push(expression.slice(start, i));
      const gap = /^\s+or\s+/i.exec(expression.slice(i))![0];
      i += gap.length - 1;
      start = i + 1;
    }
  }
  out.push(expression.slice(start));
  return out.map((t) => t.trim());
}

/** A `relevant` expression as a `showIf`, or undefined when it is outside the supported part. */
export function parseRelevant(expression: string): ShowIf | undefined {
  let question: string | undefined;
  const anyOf: (string | number)[] = [];
  for (const term of terms(expression.trim())) {
    const match = TERM.exec(term);
    if (!match) return undefined;
    const name = match[1] ?? match[3]!;
    const value = parseValue((match[2] ?? match[4]!).trim());
    if (value === undefined || (question !== undefined && name !== question)) return undefined;
    question = name;
    anyOf.push(value);
  }
  return question === undefined ? undefined : { question, anyOf };
}

function quoteValue(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  return `${quote}${value.replaceAll(quote, quote + quote)}${quote}`;
}

/**
 * A `showIf` as a `relevant` expression. `selected(…)` for a multiple choice, since in XLSForm
 * `=` on one would mean "exactly this set"; Stance reads both forms as "is or includes".
 */
export function formatRelevant(showIf: ShowIf, targetIsMultiple: boolean): string {
  const q = `\${${showIf.question}}`;
  return showIf.anyOf.map((v) => (targetIsMultiple ? `selected(${q}, ${quoteValue(v)})` : `${q} = ${quoteValue(v)}`)).join(' or ');
}
