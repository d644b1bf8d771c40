import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { readPolicySource } from '@netmap/engine';
import type { LineRange, NetworkPolicy, PolicyDocument } from '@netmap/model';
import { Type } from 'typebox';
import { isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml';
import type { EvaluationSource } from '../evaluation-source.ts';
import { MAX_NAME_LENGTH, MAX_NAMESPACE_LENGTH, NAME_PATTERN, NAMESPACE_PATTERN } from './object-names.ts';

const Params = Type.Object({
  namespace: Type.String({ maxLength: MAX_NAMESPACE_LENGTH, pattern: NAMESPACE_PATTERN }),
  name: Type.String({ maxLength: MAX_NAME_LENGTH, pattern: NAME_PATTERN }),
});

/** `GET /api/v1/policies/:namespace/:name`: a NetworkPolicy as YAML, with the lines of each rule. */
export async function policyRoutes(
  instance: FastifyInstance,
  options: { source: EvaluationSource },
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/policies/:namespace/:name',
    {
      schema: { params: Params },
      schemaErrorFormatter: (errors) => {
        const field = errors[0]?.instancePath.replace(/^\//, '') || 'namespace';
        return new Error(`${field} must be a Kubernetes object name (lower case letters, digits, '-')`);
      },
    },
    async (request, reply) => {
      const evaluation = options.source.evaluation;
      if (!evaluation) return reply.code(503).send({ error: 'the source has not been read yet' });
      const { namespace, name } = request.params;
      const source = readPolicySource(evaluation.state, `${namespace}/${name}`);
      if (!source) return reply.code(404).send({ error: `no NetworkPolicy ${namespace}/${name}` });
      return policyDocument(source.policy, source.policyTypes);
    },
  );
}

/** The policy as YAML, and the lines each `spec.ingress[i]` / `spec.egress[i]` rule takes in it. */
export function policyDocument(
  policy: NetworkPolicy,
  policyTypes: PolicyDocument['policyTypes'],
): PolicyDocument {
  const yaml = stringify(policy);
  // Ranges come from parsing the text that is sent, so they point into exactly that text.
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter });
  const rangesOf = (direction: 'ingress' | 'egress'): LineRange[] => {
    const rules = document.getIn(['spec', direction], true);
    if (!isSeq(rules)) return [];
    return rules.items.map((rule) => lineRange(rule as Node, yaml, lineCounter));
  };
  return { policy, yaml, rules: { ingress: rangesOf('ingress'), egress: rangesOf('egress') }, policyTypes };
}

function lineRange(node: Node, text: string, lineCounter: LineCounter): LineRange {
  const [start, valueEnd] = node.range ?? [0, 0, 0];
  // A block value ends after its line break: step back to its last visible character.
  let end = valueEnd - 1;
  while (end > start && /\s/.test(text[end]!)) end--;
  return { line: lineCounter.linePos(start).line, endLine: lineCounter.linePos(end).line };
}
