import { useState } from 'react';
import type { ExportOptions, GraphCanvas } from '@netmap/graph-canvas';
import { downloadBlob, exportFileName } from './download.ts';

/** "Export PNG" and "Export SVG" of the whole graph, framed with a title bar and the legend. */
export function ExportButtons(props: {
  canvas: GraphCanvas | null;
  frame: ExportOptions;
  source: string;
  /** When the data was received (ms), for the file name; now when unknown. */
  dataTime: number | undefined;
}) {
  const [error, setError] = useState<string>();
  const run = async (extension: 'png' | 'svg') => {
    const { canvas } = props;
    if (!canvas) return;
    setError(undefined);
    try {
      const blob =
        extension === 'png'
          ? await canvas.exportPng(props.frame)
          : new Blob([canvas.exportSvg(props.frame)], { type: 'image/svg+xml' });
      downloadBlob(blob, exportFileName(props.source, new Date(props.dataTime ?? Date.now()), extension));
    } catch (caught) {
      setError(`The export failed: ${caught instanceof Error ? caught.message : String(caught)}`);
    }
  };
  return (
    <div className="export-buttons">
      <button type="button" onClick={() => void run('png')} disabled={!props.canvas}>
        Export PNG
      </button>
      <button type="button" onClick={() => void run('svg')} disabled={!props.canvas}>
        Export SVG
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
