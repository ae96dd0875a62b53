import { describe, expect, it } from 'vitest';
import { createLab } from '../app/lab';
import { keepWhileSame, sameElements } from './keepWhileSame';
import { createStructureSelector } from './pipeline/pipelineStructure';

describe('selectors that keep what did not change', () => {
  it('return the last result while it is the same, a new one once it differs', () => {
    let value = [1, 2];
    const select = keepWhileSame(() => [...value], sameElements);
    const lab = createLab();
    const first = select(lab.store.getState());
    expect(select(lab.store.getState())).toBe(first);
    value = [1, 3];
    expect(select(lab.store.getState())).not.toBe(first);
  });

  it('keep the pipeline structure while records flow, and change it when an instance is added', () => {
    const lab = createLab();
    const select = createStructureSelector();
    lab.seek(5_000);
    const before = select(lab.store.getState());
    lab.seek(20_000);
    expect(select(lab.store.getState())).toBe(before);
    lab.applyCommand({ type: 'scale', service: 'email', instances: 3 });
    const after = select(lab.store.getState());
    expect(after).not.toBe(before);
    expect(after.groups.find((g) => g.groupId === 'email')!.instances).toHaveLength(3);
  });
});
