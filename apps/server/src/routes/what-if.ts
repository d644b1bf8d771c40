import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  compareEvaluations,
  compareText,
  draftNamespaces,
  evaluateDraft,
  listPolicyInventory,
  type Evaluation,
} from '@netmap/engine';
import type { NetworkPolicy, PolicySummary, WhatIfResult } from '@netmap/model';
import { Type } from 'typebox';
import type { EvaluationSource } from '../evaluation-source.ts';
import { isValidObjectName } from './object-names.ts';
import { readyEvaluation } from './ready-evaluation.ts';
import { classifyObject, isMapping } from '../manifests/classify-object.ts';
import { expandDocument } from '../manifests/expand-lists.ts';
import { ManifestError } from '../manifests/manifest-error.ts';
import { parseDocuments } from '../manifests/parse-documents.ts';
import { stripSensitive } from '../manifests/strip-sensitive.ts';

/** A draft is a handful of policies pasted or edited in a browser: 1 MiB leaves ample room. */
export const WHAT_IF_BODY_LIMIT = 1024 * 1024;
/** Each policy of a draft costs a pass over the pod classes of its namespace. */
const MAX_DRAFT_POLICIES = 1000;
const API_VERSION = 'networking.k8s.io/v1';

const WhatIfBody = Type.Object(
  {
    yaml: Type.Optional(Type.String({ maxLength: WHAT_IF_BODY_LIMIT })),
    delete: Type.Optional(
      Type.Array(Type.String({ minLength: 3, maxLength: 317, pattern: '^[^/]+/[^/]+$' }), {
        maxItems: MAX_DRAFT_POLICIES,
      }),
    ),
  },
  { additionalProperties: false },
);

/** A draft the route refuses, with what the user should fix. */
class DraftError extends Error {}

/**
 * `POST /api/v1/what-if`: what a draft of NetworkPolicy changes would open and close, evaluated on a
 * copy (the live model never changes). `GET /api/v1/policies`: the policies a draft may delete.
 */
export async function whatIfRoutes(
  instance: FastifyInstance,
  options: { source: EvaluationSource },
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const ready = (reply: FastifyReply) => readyEvaluation(options.source, reply);

  app.post(
    '/api/v1/what-if',
    {
      bodyLimit: WHAT_IF_BODY_LIMIT,
      // JSON only: a cross-site form cannot send it without a preflight, which netmap never answers.
      onRequest: async (request, reply) => {
        const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
        if (type !== 'application/json')
          return reply.code(415).send({ error: 'the body must be JSON (content-type: application/json)' });
      },
      schema: { body: WhatIfBody },
      schemaErrorFormatter: (errors) => {
        const field = errors[0]?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
        if (field.startsWith('delete'))
          return new Error(`${field} must be the namespace/name of a NetworkPolicy`);
        return new Error(`the body must be {"yaml"?: string, "delete"?: ["namespace/name", ...]}`);
      },
    },
    async (request, reply) => {
      const base = ready(reply);
      if (!base) return;
      let apply: NetworkPolicy[];
      try {
        apply = readDraftPolicies(request.body.yaml ?? '');
      } catch (error) {
        if (error instanceof DraftError || error instanceof ManifestError)
          return reply.code(400).send({ error: error.message });
        throw error;
      }
      const deleted = [...new Set(request.body.delete ?? [])].sort();
      if (apply.length === 0 && deleted.length === 0)
        return reply
          .code(400)
          .send({ error: 'the draft is empty: give NetworkPolicies in yaml, or delete some' });
      const draft = { apply, delete: deleted };
      const head = evaluateDraft(base, draft);
      const applied = apply.map((policy) => `${policy.metadata!.namespace}/${policy.metadata!.name}`).sort();
      // Only flows with an end in a namespace whose policies the draft changes can change.
      const diff = compareEvaluations(base, head, { namespaces: draftNamespaces(draft) });
      const result: WhatIfResult = { ...diff, draft: { applied, deleted } };
      return result;
    },
  );

  app.get('/api/v1/policies', async (_request, reply) => {
    const evaluation = ready(reply);
    if (!evaluation) return;
    return { policies: policySummaries(evaluation) };
  });
}

/** The NetworkPolicies of a draft's YAML (one or more documents, or a list), namespace defaulted. */
export function readDraftPolicies(yaml: string): NetworkPolicy[] {
  const policies: NetworkPolicy[] = [];
  for (const document of parseDocuments(yaml, 'yaml')) {
    for (const { value, line } of expandDocument(document)) {
      const index = policies.length;
      if (index === MAX_DRAFT_POLICIES)
        throw new DraftError(`a draft holds at most ${MAX_DRAFT_POLICIES} NetworkPolicies`);
      const kind = isMapping(value) && typeof value.kind === 'string' ? value.kind : 'document without kind';
      const apiVersion = isMapping(value) ? value.apiVersion : undefined;
      if (kind !== 'NetworkPolicy' || apiVersion !== API_VERSION)
        throw new DraftError(
          `document ${index} (line ${line}) is ${kind === 'NetworkPolicy' ? `a NetworkPolicy of apiVersion ${String(apiVersion)}` : `a ${kind}`}, not a ${API_VERSION} NetworkPolicy`,
        );
      const classified = classifyObject(value);
      if (classified.type !== 'read')
        throw new DraftError(
          `document ${index} (line ${line}): ${classified.type === 'malformed' ? classified.reason : 'not read'}`,
        );
      const policy = stripSensitive(classified.object as NetworkPolicy);
      // As kubectl applies it: a policy without a namespace goes to the default namespace.
      const namespace = policy.metadata?.namespace || 'default';
      const name = policy.metadata?.name ?? '';
      if (!isValidObjectName(namespace, name))
        throw new DraftError(
          `document ${index} (line ${line}): "${namespace}/${name}" is not a valid namespace/name`,
        );
      policy.metadata = { ...policy.metadata, namespace };
      policies.push(policy);
    }
  }
  return policies;
}

/** Every NetworkPolicy with the pods it selects (none for one the API server would reject). */
function policySummaries(evaluation: Evaluation): PolicySummary[] {
  const { representatives } = evaluation.state;
  const valid = listPolicyInventory(evaluation.state).map((entry): PolicySummary => {
    // A workload without pods (manifests from a repository) counts as one: the pod its template stands for.
    const standIns = entry.selectedWorkloads.filter((workload) => representatives.has(workload)).length;
    return { namespace: entry.namespace, name: entry.name, podCount: entry.selectedPods + standIns };
  });
  const invalid = [...evaluation.state.invalid.values()]
    .filter((object) => object.kind === 'NetworkPolicy')
    .map((object): PolicySummary => {
      const [namespace = '', name = ''] = object.ref.split('/');
      return { namespace, name, podCount: 0 };
    });
  return [...valid, ...invalid].sort(
    (a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name),
  );
}
