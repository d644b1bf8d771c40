import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { REPORT_URL, ReportLink } from './ReportLink.tsx';

describe('ReportLink', () => {
  it('downloads the HTML report once the model is ready', () => {
    render(<ReportLink isReady />);
    const link = screen.getByRole('link', { name: 'Report' });
    expect(link.getAttribute('href')).toBe(REPORT_URL);
    expect(REPORT_URL).toBe('/api/v1/report?format=html');
    expect(link.hasAttribute('download')).toBe(true);
  });

  it('is no link before the model is ready', () => {
    render(<ReportLink isReady={false} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('Report').getAttribute('aria-disabled')).toBe('true');
  });
});
