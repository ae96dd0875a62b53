import { describe, expect, it } from 'vitest';
import { findPreset } from '../scenarios/presets';
import { createLab } from './lab';
import { startingText } from './scenarioEditing';
import { checkScenarioText } from './scenarioCheck';

describe('applying an edited scenario', () => {
  it('checks the text like a file: every problem with its field path, nothing thrown', () => {
    expect(checkScenarioText('{"format": ')).toMatchObject({ ok: false, problems: [{ path: '', message: expect.stringMatching(/^not valid JSON/) }] });
    const lab = createLab();
    const text = startingText(lab.store, 'current').replace('"partitions": 3', '"partitions": 500');
    expect(checkScenarioText(text)).toEqual({
      ok: false,
      problems: [{ path: 'topics[0].partitions', message: 'partitions is 500; it must be an integer from 1 to 64' }],
    });
  });

  it('keeps an edit closed without Apply, gives it back, and forgets it once applied or unchanged', async () => {
    const lab = createLab();
    const start = startingText(lab.store, 'current');
    lab.editing.keepDraft('current', start, start);
    expect(lab.editing.keptDraft()).toBeNull();
    const edited = start.replace('"partitions": 3', '"partitions": 4');
    lab.editing.keepDraft('current', edited, start);
    expect(lab.editing.keptDraft()).toEqual({ from: 'current', text: edited });
    const check = checkScenarioText(edited);
    expect(check.ok).toBe(true);
    await lab.editing.applyScenario(check.ok ? check.scenario : (undefined as never));
    expect(lab.editing.keptDraft()).toBeNull();
  });

  it('gives the current run back unchanged: its text applied is the same run, at the same playhead', async () => {
    const lab = createLab();
    lab.seek(5_000);
    lab.applyCommand({ type: 'crash', target: 'email-0' });
    lab.seek(20_000);
    const before = lab.currentSimulation().summary();
    const check = checkScenarioText(startingText(lab.store, 'current'));
    expect(check.ok).toBe(true);
    await lab.editing.applyScenario(check.ok ? check.scenario : (undefined as never));
    expect(lab.currentSimulation().now).toBe(20_000);
    expect(lab.currentSimulation().summary()).toEqual(before);
    expect(lab.store.getState().ui.editUndo).toMatchObject({ playheadMs: 20_000, appliedAtMs: 20_000 });
  });

  it('undoes the last apply: the run from before comes back at its playhead, with its interventions', async () => {
    const lab = createLab();
    lab.seek(10_000);
    lab.applyCommand({ type: 'crash', target: 'billing-0' });
    lab.seek(15_000);
    const before = lab.currentSimulation().summary();
    const blank = checkScenarioText(startingText(lab.store, 'blank'));
    await lab.editing.applyScenario(blank.ok ? blank.scenario : (undefined as never));
    expect(lab.store.getState().run.scenario.title).toBe('New scenario');
    await lab.editing.undoApply();
    expect(lab.currentSimulation().summary()).toEqual(before);
    expect(lab.store.getState().run.interventions).toHaveLength(1);
    expect(lab.store.getState().ui.editUndo).toBeNull();
  });

  it('starts from a preset as its file would be', () => {
    const lab = createLab();
    const check = checkScenarioText(startingText(lab.store, 'retention-loses-data'));
    expect(check.ok && check.scenario).toEqual(findPreset('retention-loses-data')!.scenario);
  });
});
