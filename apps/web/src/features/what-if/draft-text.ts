import type { WhatIfRequest } from '@netmap/model';

/** Fields the API server sets: left in an applied file they make `kubectl apply` refuse or conflict. */
const SERVER_SET_FIELDS = ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'selfLink'];

/**
 * A policy's YAML as the server gives it (`GET /api/v1/policies/…`, block style, two-space indent),
 * made ready to edit and apply: the fields the API server sets and `status` are dropped.
 */
export function editableYaml(yaml: string): string {
  const kept: string[] = [];
  let section = '';
  for (const line of yaml.replace(/\n$/, '').split('\n')) {
    const top = /^([A-Za-z]\w*):/.exec(line);
    if (top) section = top[1]!;
    if (section === 'status') continue;
    const field = /^ {2}([A-Za-z]\w*):/.exec(line);
    if (section === 'metadata' && field && SERVER_SET_FIELDS.includes(field[1]!)) continue;
    kept.push(line);
  }
  return `${kept.join('\n')}\n`;
}

/** The draft with one more YAML document at its end. */
export function appendDocument(draft: string, document: string): string {
  const body = document.replace(/^---\s*\n/, '').replace(/\s*$/, '\n');
  if (draft.trim() === '') return body;
  return `${draft.replace(/\s*$/, '\n')}---\n${body}`;
}

/** The request a draft makes: only what it holds (the server refuses an empty draft). */
export function draftRequest(yaml: string, deletions: readonly string[]): WhatIfRequest {
  const request: WhatIfRequest = {};
  if (yaml.trim() !== '') request.yaml = yaml;
  if (deletions.length > 0) request.delete = [...deletions];
  return request;
}

/** Whether two drafts ask the same (the order of deletions does not matter). */
export function isSameRequest(a: WhatIfRequest, b: WhatIfRequest): boolean {
  const deletions = (request: WhatIfRequest) => [...(request.delete ?? [])].sort().join('\n');
  return (a.yaml ?? '') === (b.yaml ?? '') && deletions(a) === deletions(b);
}

/** The file name of an exported draft. */
export const DRAFT_FILE_NAME = 'netmap-what-if.yaml';

/**
 * The draft as a file to apply: its policies as YAML for `kubectl apply -f`, and the deletions as
 * `kubectl delete` commands in comments at the top (a manifest cannot delete an object).
 */
export function draftExport(yaml: string, deletions: readonly string[]): string {
  const lines = [
    "# NetworkPolicy changes drafted with netmap's what-if.",
    yaml.trim() === ''
      ? '# The draft adds or changes no policy.'
      : `# Apply the policies below with: kubectl apply -f ${DRAFT_FILE_NAME}`,
  ];
  if (deletions.length > 0) {
    lines.push('# Then delete these policies:');
    for (const policy of deletions) {
      const [namespace = '', name = ''] = policy.split('/');
      lines.push(`#   kubectl delete networkpolicy -n ${namespace} ${name}`);
    }
  }
  const header = `${lines.join('\n')}\n`;
  return yaml.trim() === '' ? header : `${header}---\n${yaml.replace(/^---\s*\n/, '').replace(/\s*$/, '\n')}`;
}
