import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PolicyYamlView } from './PolicyYamlView.tsx';

const YAML = 'kind: NetworkPolicy\nspec:\n  ingress:\n  - from: []\n';

afterEach(() => {
  delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
});

describe('PolicyYamlView', () => {
  it('marks the highlighted rule and scrolls to it, and unmounts cleanly where scrolling returns a promise', () => {
    // As in Chromium, where scrollIntoView returns a promise.
    const scroll = vi.fn(() => Promise.resolve());
    Object.assign(Element.prototype, { scrollIntoView: scroll });
    const view = render(<PolicyYamlView yaml={YAML} highlight={{ line: 3, endLine: 4 }} />);
    expect(scroll).toHaveBeenCalledWith({ block: 'center' });
    const marked = [...view.container.querySelectorAll('.yaml-line.marked')].map((line) => line.textContent);
    expect(marked).toEqual(['3  ingress:\n', '4  - from: []\n']);
    expect(() => view.unmount()).not.toThrow();
  });
});
