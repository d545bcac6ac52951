/**
 * The message syntax of the catalogues, a small subset of ICU MessageFormat:
 *
 *   `{name}`                                   the parameter `name` (numbers in the locale's digits)
 *   `{count, plural, one {# claim} other {# claims}}`
 *                                              a plural choice by Intl.PluralRules; `=0`, `=1` …
 *                                              match exact values first; `#` is the number
 *
 * Unknown parameters stay visible as `{name}` so a missing value shows in the UI instead of
 * vanishing. Parsed templates are cached per string. A text parameter with right-to-left letters
 * or direction controls (a partner's file name with an override, an Arabic name) is isolated
 * (FSI … PDI), so it cannot reorder the sentence around it.
 */

export type MessageParams = Readonly<Record<string, string | number>>;

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'param'; name: string }
  | { kind: 'plural'; name: string; options: ReadonlyMap<string, Part[]> }
  /** `#` inside a plural branch. */
  | { kind: 'pound' };

const parsed = new Map<string, Part[]>();

/** The index of the `}` that closes the `{` at `open` (nesting counted), or -1. */
function closing(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    const c = template[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

const PLURAL_HEAD = /^\s*(\w+)\s*,\s*plural\s*,/;
const OPTION = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;

function parse(template: string, inPlural: boolean): Part[] {
  const parts: Part[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '#' && inPlural) {
      flush();
      parts.push({ kind: 'pound' });
      continue;
    }
    if (c !== '{') {
      text += c;
      continue;
    }
    const end = closing(template, i);
    if (end < 0) {
      text += template.slice(i);
      break;
    }
    const body = template.slice(i + 1, end);
    const head = PLURAL_HEAD.exec(body);
    if (head) {
      const options = parseOptions(body.slice(head[0].length));
      if (options) {
        flush();
        parts.push({ kind: 'plural', name: head[1]!, options });
        i = end;
        continue;
      }
    }
    if (/^\w+$/.test(body)) {
      flush();
      parts.push({ kind: 'param', name: body });
    } else {
      text += template.slice(i, end + 1);
    }
    i = end;
  }
  flush();
  return parts;
}

function parseOptions(source: string): Map<string, Part[]> | null {
  const options = new Map<string, Part[]>();
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    OPTION.lastIndex = at;
    const m = OPTION.exec(source);
    if (!m) return null;
    const open = OPTION.lastIndex - 1;
    const end = closing(source, open);
    if (end < 0) return null;
    options.set(m[1]!, parse(source.slice(open + 1, end), true));
    at = end + 1;
  }
  return options.has('other') ? options : null;
}

export type Formatters = {
  number(value: number): string;
  plural(value: number): Intl.LDMLPluralRule;
};

/** Direction controls and right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
const BIDI_SENSITIVE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|\ud802[\udc00-\udfff]|\ud83a[\udc00-\udfff]/;

/** The value inside first-strong isolation when its direction could leak into the message; otherwise unchanged. */
function isolated(value: string): string {
  return BIDI_SENSITIVE.test(value) ? `\u2068${value}\u2069` : value;
}

function render(parts: readonly Part[], params: MessageParams | undefined, f: Formatters, pound: number | null): string {
  let out = '';
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        out += part.text;
        break;
      case 'pound':
        out += pound === null ? '#' : f.number(pound);
        break;
      case 'param': {
        const value = params?.[part.name];
        out += value === undefined ? `{${part.name}}` : typeof value === 'number' ? f.number(value) : isolated(value);
        break;
      }
      case 'plural': {
        const raw = params?.[part.name];
        const value = typeof raw === 'number' ? raw : Number(raw);
        if (raw === undefined || Number.isNaN(value)) {
          out += `{${part.name}}`;
          break;
        }
        const branch = part.options.get(`=${value}`) ?? part.options.get(f.plural(value)) ?? part.options.get('other')!;
        out += render(branch, params, f, value);
        break;
      }
    }
  }
  return out;
}

export function formatMessage(template: string, params: MessageParams | undefined, formatters: Formatters): string {
  let parts = parsed.get(template);
  if (!parts) {
    parts = parse(template, false);
    parsed.set(template, parts);
  }
  return render(parts, params, formatters, null);
}

/** Parameter names a template uses (plural selectors included), for catalogue consistency tests. */
export function messageParams(template: string): Set<string> {
  const names = new Set<string>();
  const walk = (parts: readonly Part[]) => {
    for (const part of parts) {
      if (part.kind === 'param') names.add(part.name);
      else if (part.kind === 'plural') {
        names.add(part.name);
        for (const branch of part.options.values()) walk(branch);
      }
    }
  };
  walk(parse(template, false));
  return names;
}
