import { describe, expect, it } from 'vitest';
import { createWorkerLayout } from './background-layout.ts';
import { toElementRecords } from './element-records.ts';
import { computeLayout } from './layout.ts';
import { answerLayoutRequest, positionsOf, type LayoutRequest } from './layout-messages.ts';
import { threeNamespaces } from './test-elements.ts';

const records = () => [...toElementRecords(threeNamespaces()).values()];

/** A worker that answers as `layout-worker.ts` does, through a copy of the messages as `postMessage` makes. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  isTerminated = false;
  constructor(private readonly behaviour: 'answer' | 'fail' = 'answer') {}
  postMessage(request: LayoutRequest) {
    setTimeout(() => {
      if (this.behaviour === 'fail') this.onerror?.({ message: 'could not load' } as ErrorEvent);
      else
        this.onmessage?.({
          data: structuredClone(answerLayoutRequest(structuredClone(request))),
        } as MessageEvent);
    }, 0);
  }
  terminate() {
    this.isTerminated = true;
  }
}

describe('answerLayoutRequest', () => {
  it('answers with the layout the page would compute, as plain data', () => {
    const answer = answerLayoutRequest({ id: 7, records: records(), seed: 3 });
    expect(answer.id).toBe(7);
    expect(positionsOf(answer.placed)).toEqual(computeLayout(records(), 3));
  });
});

describe('createWorkerLayout', () => {
  it('lays out in a worker made once, with the same result as in the page', async () => {
    const made: FakeWorker[] = [];
    const layout = createWorkerLayout(() => {
      made.push(new FakeWorker());
      return made.at(-1) as unknown as Worker;
    });
    const [first, second] = await Promise.all([layout.run(records(), 1), layout.run(records(), 2)]);
    expect(first).toEqual(computeLayout(records(), 1));
    expect(second).toEqual(computeLayout(records(), 2));
    expect(made).toHaveLength(1);
    layout.dispose();
    expect(made[0]!.isTerminated).toBe(true);
  });

  it('lays out in the page when the worker cannot start or fails', async () => {
    const unstartable = createWorkerLayout(() => {
      throw new Error('blocked by the page');
    });
    expect(await unstartable.run(records(), 1)).toEqual(computeLayout(records(), 1));
    const failing = createWorkerLayout(() => new FakeWorker('fail') as unknown as Worker);
    expect(await failing.run(records(), 1)).toEqual(computeLayout(records(), 1));
  });

  it('gives up what it was asked once disposed', async () => {
    const layout = createWorkerLayout(() => new FakeWorker() as unknown as Worker);
    const running = layout.run(records(), 1);
    layout.dispose();
    await expect(running).rejects.toThrow('destroyed');
  });
});
