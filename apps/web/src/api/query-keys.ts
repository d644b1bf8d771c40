/** The query cache's key for the evaluated model, which the stream fills. */
export const MODEL_KEY = ['netmap', 'model'] as const;

/** The key of the source's status. */
export const STATUS_KEY = ['netmap', 'status'] as const;

/**
 * The key of an answer about the model: the question, then the model's `epoch:version`, so that
 * every new version of the model asks again.
 */
export function answerKey(question: string, input: unknown, revision: string | null) {
  return ['netmap', question, input, revision] as const;
}

/** The key of an answer; its last element is the model revision it was asked at. */
export type AnswerKey = ReturnType<typeof answerKey>;
