import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { describeObject } from '@netmap/engine';
import { Type } from 'typebox';
import type { EvaluationSource } from '../evaluation-source.ts';

const ID_FORM =
  'an object id is a topology node id, URL-encoded: namespace:<name>, workload:<ns>/<name>[<Kind>], pod:<ns>/<name>, service:<ns>/<name>, ingress:<ns>/<name> or external:<name>';

// A wildcard, not `:id`: ids hold slashes (sent encoded or not), and a parameter's length is capped
// at 100 characters, shorter than a long pod's id.
const Params = Type.Object({
  '*': Type.String({
    minLength: 1,
    maxLength: 1024,
    pattern: '^(namespace|workload|pod|service|ingress|external):.+$',
  }),
});

/** `GET /api/v1/objects/:id`: what the details panel shows of one topology node. */
export async function objectRoutes(
  instance: FastifyInstance,
  options: { source: EvaluationSource },
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/objects/*',
    {
      schema: { params: Params },
      schemaErrorFormatter: () => new Error(ID_FORM),
    },
    async (request, reply) => {
      const evaluation = options.source.evaluation;
      if (!evaluation) return reply.code(503).send({ error: 'the source has not been read yet' });
      const id = request.params['*'];
      return describeObject(evaluation, id) ?? reply.code(404).send({ error: `no object ${id}` });
    },
  );
}
