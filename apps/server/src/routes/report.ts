import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { EvaluationSource } from '../evaluation-source.ts';
import {
  buildReport,
  renderReport,
  reportContext,
  reportFileName,
  REPORT_MEDIA_TYPES,
} from '../report/index.ts';
import { MAX_FLOWS_PODS } from './queries.ts';

/**
 * The report is a document that stands alone: it may apply its own inline style and `data:`
 * images, and nothing else, wherever it is opened from.
 */
export const REPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const Query = Type.Object({
  format: Type.Union([Type.Literal('html'), Type.Literal('md')], { default: 'html' }),
  title: Type.Optional(Type.String({ maxLength: 200 })),
});

/** `GET /api/v1/report?format=html|md`: the security review report of the live model, as a download. */
export async function reportRoutes(
  instance: FastifyInstance,
  options: { source: EvaluationSource },
): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/report',
    {
      schema: { querystring: Query },
      schemaErrorFormatter: () => new Error('format must be html or md; title at most 200 characters'),
    },
    async (request, reply) => {
      const { source } = options;
      const evaluation = source.evaluation;
      if (!evaluation) return reply.code(503).send({ error: 'the source has not been read yet' });
      const pods = [...evaluation.state.pods.values()].filter((pod) => pod.isActive).length;
      if (pods > MAX_FLOWS_PODS) {
        return reply.code(422).send({
          error: `a report of ${pods} pods is too large to make at once (limit ${MAX_FLOWS_PODS} pods): run netmap report on the manifests of a part of the cluster`,
        });
      }
      const { format, title } = request.query;
      const generatedAt = new Date();
      const data = buildReport(evaluation, reportContext(source.status, generatedAt, title));
      return (
        reply
          .header('content-type', REPORT_MEDIA_TYPES[format])
          .header('content-disposition', `attachment; filename="${reportFileName(format, generatedAt)}"`)
          .header('content-security-policy', REPORT_CONTENT_SECURITY_POLICY)
          // It describes the cluster: no cache keeps a copy.
          .header('cache-control', 'no-store')
          .send(renderReport(data, format))
      );
    },
  );
}
