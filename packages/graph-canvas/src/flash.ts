import type { Core } from 'cytoscape';

/** When the `flash` class goes on and off after a flash starts (ms): two pulses in about a second. */
const PULSES: readonly (readonly [at: number, isOn: boolean])[] = [
  [0, true],
  [350, false],
  [550, true],
  [1000, false],
];

/** Pulses elements briefly; a later flash of the same element takes over from an earlier one. */
export interface Flasher {
  flash(ids: readonly string[]): void;
  /** Stops every pulse and clears the class. */
  dispose(): void;
}

/** A flasher for this Cytoscape instance. */
export function createFlasher(cy: Core): Flasher {
  const latest = new Map<string, number>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let generation = 0;

  const toggle = (ids: readonly string[], token: number, isOn: boolean, isLast: boolean) => {
    if (cy.destroyed()) return;
    cy.batch(() => {
      for (const id of ids) {
        if (latest.get(id) !== token) continue;
        const element = cy.getElementById(id);
        if (isOn) element.addClass('flash');
        else element.removeClass('flash');
        if (isLast) latest.delete(id);
      }
    });
  };

  return {
    flash(ids) {
      const token = ++generation;
      for (const id of ids) latest.set(id, token);
      for (const [index, [at, isOn]] of PULSES.entries()) {
        const isLast = index === PULSES.length - 1;
        if (at === 0) {
          toggle(ids, token, isOn, isLast);
          continue;
        }
        const timer = setTimeout(() => {
          timers.delete(timer);
          toggle(ids, token, isOn, isLast);
        }, at);
        timers.add(timer);
      }
    },
    dispose() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      latest.clear();
      if (!cy.destroyed()) cy.elements('.flash').removeClass('flash');
    },
  };
}
