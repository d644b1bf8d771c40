import { KubeError } from './status.ts';

/** One requirement of a `labelSelector` query parameter. */
export interface LabelRequirement {
  key: string;
  operator: 'in' | 'notin' | 'exists' | 'doesnotexist';
  values: string[];
}

const SET_FORM = /^([^\s!=]+)\s+(in|notin)\s*\(([^)]*)\)$/;
const EQUALITY_FORM = /^([^\s!=]+)\s*(==|!=|=)\s*(.*)$/;

/** Splits on commas outside parentheses: `a in (x,y),b` → [`a in (x,y)`, `b`]. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms.map((t) => t.trim()).filter((t) => t !== '');
}

function parseTerm(term: string): LabelRequirement {
  const set = SET_FORM.exec(term);
  if (set) {
    const values = (set[3] ?? '').split(',').map((v) => v.trim());
    return { key: set[1] ?? '', operator: set[2] === 'in' ? 'in' : 'notin', values };
  }
  const equality = EQUALITY_FORM.exec(term);
  if (equality) {
    const value = (equality[3] ?? '').trim();
    return { key: equality[1] ?? '', operator: equality[2] === '!=' ? 'notin' : 'in', values: [value] };
  }
  if (/^![^\s!=(),]+$/.test(term)) return { key: term.slice(1), operator: 'doesnotexist', values: [] };
  if (/^[^\s!=(),]+$/.test(term)) return { key: term, operator: 'exists', values: [] };
  throw new KubeError('BadRequest', `unable to parse requirement: ${term}`);
}

/** Parses a `labelSelector` query string (`=`, `==`, `!=`, `in`, `notin`, `key`, `!key`). */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return splitTerms(selector).map(parseTerm);
}

/** Whether labels satisfy every requirement (`notin` and `!=` also match a missing key). */
export function matchesLabels(requirements: LabelRequirement[], labels: Record<string, string> = {}): boolean {
  return requirements.every(({ key, operator, values }) => {
    const has = Object.hasOwn(labels, key);
    switch (operator) {
      case 'exists':
        return has;
      case 'doesnotexist':
        return !has;
      case 'in':
        return has && values.includes(labels[key] ?? '');
      case 'notin':
        return !has || !values.includes(labels[key] ?? '');
    }
  });
}
