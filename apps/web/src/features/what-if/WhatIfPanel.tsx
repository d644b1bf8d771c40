import { useId, type ChangeEvent } from 'react';
import { downloadBlob } from '../export/download.ts';
import { draftExport, DRAFT_FILE_NAME } from './draft-text.ts';
import { PolicyPicker } from './PolicyPicker.tsx';
import type { WhatIfDraft } from './useWhatIfDraft.ts';
import { WhatIfResultView } from './WhatIfResultView.tsx';
import './what-if.css';

/**
 * A draft of NetworkPolicy changes (pasted or uploaded YAML, policies to delete) and what it would
 * change, compared with the live model, before anything touches the cluster. Export YAML saves the
 * draft to apply with kubectl.
 */
export function WhatIfPanel(props: { draft: WhatIfDraft; drawn: { edges: number; notDrawn: number } }) {
  const { draft } = props;
  const textId = useId();
  const errorId = useId();

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    for (const file of input.files ?? []) draft.addDocument(await file.text());
    input.value = '';
  };
  const exportDraft = () =>
    downloadBlob(
      new Blob([draftExport(draft.yaml, draft.deletions)], { type: 'application/yaml' }),
      DRAFT_FILE_NAME,
    );

  return (
    <section className="panel what-if" aria-label="What-if">
      <h2>What-if</h2>
      <p className="muted">
        Draft NetworkPolicy changes and see what they would allow or deny. Nothing is applied to the cluster.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          draft.preview();
        }}
      >
        <div className="field">
          <label htmlFor={textId}>Draft NetworkPolicy YAML</label>
          <textarea
            id={textId}
            rows={12}
            spellCheck={false}
            placeholder={'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n…'}
            value={draft.yaml}
            aria-invalid={draft.error ? true : undefined}
            aria-describedby={draft.error ? errorId : undefined}
            onChange={(event) => draft.setYaml(event.target.value)}
          />
        </div>
        {draft.error && (
          <p className="field-error" id={errorId} role="alert">
            {draft.error}
          </p>
        )}
        <label className="upload">
          Upload YAML…
          <input type="file" accept=".yaml,.yml,.json" multiple onChange={(event) => void upload(event)} />
        </label>
        {draft.deletions.length > 0 && (
          <div className="deletions">
            <strong>To delete:</strong>
            <ul className="chips">
              {draft.deletions.map((policy) => (
                <li key={policy}>{policy}</li>
              ))}
            </ul>
          </div>
        )}
        <PolicyPicker
          deletions={draft.deletions}
          onToggleDeletion={draft.toggleDeletion}
          onEdit={draft.addDocument}
        />
        <div className="actions">
          <button type="submit" disabled={draft.isEmpty || draft.isPending}>
            {draft.isPending ? 'Previewing…' : 'Preview'}
          </button>
          <button type="button" onClick={draft.clear}>
            Clear
          </button>
          <button type="button" onClick={exportDraft} disabled={draft.isEmpty}>
            Export YAML
          </button>
        </div>
        <p className="muted what-if-export-note">
          Export YAML saves the draft as <code>{DRAFT_FILE_NAME}</code>: apply its policies with{' '}
          <code>kubectl apply -f</code>; the deletions are listed at its top as <code>kubectl delete</code>{' '}
          commands to run.
        </p>
      </form>
      {draft.result && (
        <WhatIfResultView
          result={draft.result}
          drawn={props.drawn}
          isDraftChanged={draft.isDraftChanged}
          isModelChanged={draft.isModelChanged}
          onPreview={draft.preview}
        />
      )}
    </section>
  );
}
