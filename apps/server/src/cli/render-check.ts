import type { CheckResult } from '@netmap/engine';
import { describeEndpoint, type ConnectionExplanation, type DirectionExplanation } from '@netmap/model';

const MARK = { match: '+', 'no-match': '-', unknown: '?' } as const;

/** The plain-text explanation of a check, verdict first. */
export function renderCheck(result: CheckResult, question: string): string {
  const lines = [`${capitalize(result.verdict)}: ${question}`, `route: ${result.route.join(' -> ')}`];
  if (result.reason) lines.push(`reason: ${result.reason}`);
  for (const connection of result.connections) lines.push('', ...renderConnection(connection));
  return lines.join('\n') + '\n';
}

function renderConnection(connection: ConnectionExplanation): string[] {
  const head = `${capitalize(connection.verdict)}: ${describeEndpoint(connection.from)} -> ${describeEndpoint(connection.to)} on ${connection.protocol} ${connection.port}`;
  return [
    head,
    ...renderSide('egress ', connection.egress),
    ...renderSide('ingress', connection.ingress),
    ...connection.notes.map((note) => `  note: ${note}`),
  ];
}

function renderSide(label: string, side: DirectionExplanation): string[] {
  const lines = [`  ${label} ${side.verdict.padEnd(7)} ${side.reason}`];
  for (const tier of side.tiers) {
    for (const policy of tier.policies) {
      lines.push(`    ${MARK[policy.result]} policy ${policy.policy}`);
      if (policy.rules.length === 0)
        lines.push(`        (no ${side.direction} rules: denies all ${side.direction})`);
      for (const rule of policy.rules)
        lines.push(`      ${MARK[rule.result]} ${side.direction}[${rule.rule}]: ${rule.reason}`);
    }
  }
  return lines;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
