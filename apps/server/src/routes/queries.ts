import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { parseEndpoint } from '@netmap/engine';
import { Type } from 'typebox';
import type { EvaluationSource } from '../evaluation-source.ts';
import { readyEvaluation } from './ready-evaluation.ts';

/** Matrices grow with pods squared: past this many pods, ask for who-can-reach or flows instead. */
export const MAX_MATRIX_PODS = 2000;
/** Workload flows grow with workloads squared: past this many pods, list them per pair of namespaces. */
export const MAX_FLOWS_PODS = 20_000;

const Port = Type.Integer({ minimum: 1, maximum: 65535 });
const Protocol = Type.Union([Type.Literal('TCP'), Type.Literal('UDP'), Type.Literal('SCTP')], {
  default: 'TCP',
});
const Endpoint = Type.String({ minLength: 1, maxLength: 512 });
const PortFilter = { port: Type.Optional(Port), protocol: Type.Optional(Protocol) };

/** The engine's queries over HTTP: can, who-can-reach, reachable-from, matrix, flows, findings. */
export async function queryRoutes(
  instance: FastifyInstance,
  options: { source: EvaluationSource },
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const ready = (reply: FastifyReply) => readyEvaluation(options.source, reply);

  app.get(
    '/api/v1/can',
    {
      schema: { querystring: Type.Object({ from: Endpoint, to: Endpoint, port: Port, protocol: Protocol }) },
    },
    async (request, reply) => {
      const { from, to, port, protocol } = request.query;
      return ready(reply)?.can(parseEndpoint(from), parseEndpoint(to), port, protocol);
    },
  );

  app.get(
    '/api/v1/who-can-reach',
    { schema: { querystring: Type.Object({ target: Endpoint, ...PortFilter }) } },
    async (request, reply) => {
      const { target, port, protocol } = request.query;
      const filter = port === undefined ? undefined : { port, protocol: protocol ?? 'TCP' };
      return ready(reply)?.whoCanReach(parseEndpoint(target), filter);
    },
  );

  app.get(
    '/api/v1/reachable-from',
    { schema: { querystring: Type.Object({ source: Endpoint, ...PortFilter }) } },
    async (request, reply) => {
      const { source, port, protocol } = request.query;
      const filter = port === undefined ? undefined : { port, protocol: protocol ?? 'TCP' };
      return ready(reply)?.reachableFrom(parseEndpoint(source), filter);
    },
  );

  app.get(
    '/api/v1/matrix',
    { schema: { querystring: Type.Object({ port: Port, protocol: Protocol }) } },
    async (request, reply) => {
      const evaluation = ready(reply);
      if (!evaluation) return;
      const pods = [...evaluation.state.pods.values()].filter((pod) => pod.isActive).length;
      if (pods > MAX_MATRIX_PODS) {
        return reply.code(422).send({
          error: `a matrix of ${pods} pods is too large (limit ${MAX_MATRIX_PODS}): ask who-can-reach or reachable-from for one pod, or flows per workload`,
        });
      }
      return evaluation.matrix(request.query.port, request.query.protocol);
    },
  );

  app.get('/api/v1/flows', async (_request, reply) => {
    const evaluation = ready(reply);
    if (!evaluation) return;
    const pods = [...evaluation.state.pods.values()].filter((pod) => pod.isActive).length;
    if (pods > MAX_FLOWS_PODS) {
      return reply.code(422).send({
        error: `every workload flow of ${pods} pods is too much to list at once (limit ${MAX_FLOWS_PODS} pods): ask /api/v1/model/flows?from=namespace:<a>&to=namespace:<b> for the flows between two namespaces`,
      });
    }
    return evaluation.flows();
  });
  app.get('/api/v1/findings', async (_request, reply) => ready(reply)?.findings());
  app.get('/api/v1/status', async () => ({
    source: options.source.status,
    ready: options.source.evaluation !== undefined,
  }));
}
