import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createLab } from '../app/lab';
import { LabContext, useLab } from './labContext';
import { useAppStore } from './useAppStore';

function RunTitle() {
  const title = useAppStore((state) => state.run.scenario.title);
  const lab = useLab();
  return <p data-preset={lab.store.getState().run.presetId ?? 'none'}>{title}</p>;
}

describe('labs in context', () => {
  it('lets two labs live on one page: each subtree shows its own lab', () => {
    const checkout = createLab();
    const base = checkout.store.getState().run.scenario;
    expect(base.title).toBeTruthy();
    const other = createLab({ scenario: { ...base, title: 'The same pipeline, another run' }, presetId: null });
    const html = renderToString(
      <>
        <LabContext value={checkout}>
          <RunTitle />
        </LabContext>
        <LabContext value={other}>
          <RunTitle />
        </LabContext>
      </>,
    );
    expect(html).toContain(`data-preset="checkout">${base.title ?? ''}`);
    expect(html).toContain('data-preset="none">The same pipeline, another run');
  });

  it('refuses a view rendered outside any lab with a sentence, not an undefined store', () => {
    expect(() => renderToString(<RunTitle />)).toThrow(/outside <LabContext value=\{lab\}>/);
  });
});
