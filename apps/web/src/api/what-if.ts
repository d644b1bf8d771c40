import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { WhatIfRequest, WhatIfResult } from '@netmap/model';
import { postJson, type ApiError } from './client.ts';

/**
 * Evaluates a draft of NetworkPolicy changes against the live model (`POST /api/v1/what-if`),
 * without touching the cluster. A mutation rather than a query: a preview is asked for, and its
 * answer belongs to the draft as it was then, not to the model as it moves on.
 */
export function useWhatIfPreview(): UseMutationResult<WhatIfResult, ApiError, WhatIfRequest> {
  return useMutation<WhatIfResult, ApiError, WhatIfRequest>({
    mutationFn: (request) => postJson<WhatIfResult>('/api/v1/what-if', request),
  });
}
