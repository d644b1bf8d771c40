import type { Evaluation } from '@netmap/engine';
import type { FastifyReply } from 'fastify';
import type { EvaluationSource } from '../evaluation-source.ts';

/** The source's evaluation; before the source has been read once, answers 503 and gives undefined. */
export function readyEvaluation(source: EvaluationSource, reply: FastifyReply): Evaluation | undefined {
  const evaluation = source.evaluation;
  if (!evaluation) void reply.code(503).send({ error: 'the source has not been read yet' });
  return evaluation;
}
