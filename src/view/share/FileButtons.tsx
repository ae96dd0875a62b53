/**
 * Save the scenario with its interventions as a JSON file (format v1), and open one with the
 * file picker. Opening validates the file like a link; a refused file leaves the run as it was.
 */
import { useRef } from 'react';
import { currentRunFile, openScenarioFile } from '../../app/sharing';
import { useLab } from '../labContext';
import { download } from './download';


export function FileButtons() {
  const lab = useLab();
  const input = useRef<HTMLInputElement>(null);
  const save = () => {
    const { fileName, text } = currentRunFile(lab);
    download(fileName, text);
  };
  const choose = (files: FileList | null) => {
    const file = files?.[0];
    if (file !== undefined) void openScenarioFile(lab, file);
    if (input.current) input.current.value = '';
  };
  return (
    <>
      <button type="button" onClick={save} data-chrome="prepare" title="Save the scenario and your interventions as a JSON file">
        Save file
      </button>
      <button type="button" onClick={() => input.current?.click()} data-chrome="prepare" title="Open a scenario JSON file (or drop one on the page)">
        Open file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Scenario file to open"
        data-testid="scenario-file-input"
        onChange={(event) => choose(event.currentTarget.files)}
      />
    </>
  );
}
