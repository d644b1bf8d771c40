import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ModelHub } from '../hub/model-hub.ts';

const END_FORM = 'from and to are topology node ids: namespace:<name> or external:<name>';
const End = Type.String({ minLength: 1, maxLength: 1024, pattern: '^(namespace|external):.+$' });

/**
 * `GET /api/v1/model/flows?from=<node id>&to=<node id>`: the workload flows behind one flow of a
 * namespace-level topology (`flowLevel: 'namespace'`), keyed by id as in a workload-level topology,
 * with the version of the model they belong to.
 */
export async function modelFlowRoutes(instance: FastifyInstance, options: { hub: ModelHub }): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/model/flows',
    {
      schema: { querystring: Type.Object({ from: End, to: End }) },
      schemaErrorFormatter: () => new Error(END_FORM),
    },
    async (request, reply) => {
      const { hub } = options;
      const topology = hub.topology;
      if (!topology) return reply.code(503).send({ error: 'the source has not been read yet' });
      const { from, to } = request.query;
      const flows = hub.workloadFlowsBetween(from, to);
      return {
        epoch: topology.epoch,
        version: topology.version,
        from,
        to,
        flows: Object.fromEntries(flows.map((flow) => [flow.id, flow])),
      };
    },
  );
}
