import { describe, expect, it } from 'vitest';
import { isValidServiceId } from '../app/entityActions';
import { createLab } from '../app/lab';
import { GALLERY, openPreset } from '../app/sharing';
import { commandLabel, possessive, readModelLabel, readModelName, shortenMiddle, suggestServiceName } from './labels';

describe('commandLabel', () => {
  it('names the action and its target in a few words', () => {
    expect(commandLabel({ type: 'crash', target: 'email-0' })).toBe('crash email-0');
    expect(commandLabel({ type: 'slow', target: 'email-0', factor: 5 })).toBe('slow email-0 ×5');
    expect(commandLabel({ type: 'resetOffsets', group: 'email', to: { timestampMs: 12_000 } })).toBe('reset email to time 12.0 s');
    expect(commandLabel({ type: 'addService', service: { id: 'fraud-check', subscribe: ['orders'] } })).toBe('add fraud-check');
  });
});

describe('readModelName', () => {
  it('names known read models and falls back to the handler name', () => {
    expect(readModelName('sendReceipt')).toBe('receipts');
    expect(readModelName('custom')).toBe('custom model');
  });
});

describe('readModelLabel', () => {
  it("names a read model by its service: email's receipts", () => {
    expect(readModelLabel('email', 'sendReceipt')).toBe("email's receipts");
    expect(readModelLabel('fraud-check', 'scoreFraud')).toBe("fraud-check's fraud flags");
    expect(readModelLabel('analytics', 'noop')).toBe("analytics' counts");
  });

  it('tells apart services with one handler, and a read model from the topic of its name', () => {
    const labels = ['email-after', 'email-before', 'email-dedup'].map((id) => readModelLabel(id, 'sendReceipt'));
    expect(new Set(labels).size).toBe(3);
    // checkout's read model holds orders, beside the topic "orders".
    expect(readModelName('acceptOrder')).toBe('orders');
    expect(readModelLabel('checkout', 'acceptOrder')).not.toBe('orders');
  });

  it('puts the possessive on the id as written', () => {
    expect(possessive('email')).toBe("email's");
    expect(possessive('workers')).toBe("workers'");
    expect(possessive('email-0')).toBe("email-0's");
  });

  it('gives every read model of every gallery preset a name of its own, unlike any topic', async () => {
    for (const entry of GALLERY) {
      const lab = createLab();
      expect(await openPreset(lab, entry.id)).toBe('opened');
      const scenario = lab.store.getState().run.scenario;
      const services = [...scenario.services, ...(scenario.actions ?? []).flatMap((a) => (a.type === 'addService' ? [a.service] : []))];
      const labels = services.map((s) => readModelLabel(s.id, s.handler ?? 'noop'));
      const names = [...labels, ...scenario.topics.map((t) => t.name)];
      expect(new Set(names).size, entry.id).toBe(names.length);
    }
  });
});

describe('suggestServiceName', () => {
  it('suggests fraud-check, then fraud-check with the offset reset chosen', () => {
    expect(suggestServiceName('scoreFraud', 'earliest', ['inventory', 'email', 'orders'])).toBe('fraud-check');
    expect(suggestServiceName('scoreFraud', 'latest', ['fraud-check'])).toBe('fraud-check-latest');
    expect(suggestServiceName('scoreFraud', 'earliest', ['fraud-check'])).toBe('fraud-check-earliest');
    expect(suggestServiceName('scoreFraud', 'latest', ['fraud-check', 'fraud-check-latest'])).toBe('fraud-check-latest-2');
    expect(suggestServiceName('scoreFraud', 'latest', ['fraud-check', 'fraud-check-latest', 'fraud-check-latest-2'])).toBe('fraud-check-latest-3');
  });

  it("names the service after the handler's part in the story", () => {
    expect(suggestServiceName('sendReceipt', 'earliest', [])).toBe('email');
    expect(suggestServiceName('sendReceipt', 'earliest', ['email'])).toBe('email-earliest');
  });

  it('never suggests a name taken, and always one the engine accepts', () => {
    let taken: string[] = ['orders', 'payments', 'inventory', 'billing', 'email', 'shipping'];
    for (let i = 0; i < 12; i++) {
      const name = suggestServiceName('scoreFraud', i % 2 === 0 ? 'latest' : 'earliest', taken);
      expect(taken).not.toContain(name);
      expect(isValidServiceId(name)).toBe(true);
      expect(name).not.toMatch(/^late-/);
      taken = [...taken, name];
    }
  });
});

describe('shortenMiddle', () => {
  it('keeps text that fits', () => {
    expect(shortenMiddle('email', 5)).toBe('email');
  });

  it('cuts the middle, keeping the ends that tell similar ids apart', () => {
    const a = shortenMiddle('fraud-check-latest', 14);
    const b = shortenMiddle('fraud-check-latest-2', 14);
    expect(a).toHaveLength(14);
    expect(b).toHaveLength(14);
    expect(a).not.toBe(b);
    expect(b.endsWith('-2')).toBe(true);
    expect(b).toContain('…');
    expect(shortenMiddle('fraud-check-latest-0', 10)).not.toBe(shortenMiddle('fraud-check-latest-1', 10));
  });

  it('leaves at least one character and the ellipsis when there is no room', () => {
    expect(shortenMiddle('fraud-check', 0)).toBe('f…');
    expect(shortenMiddle('fraud-check', 2.7)).toBe('f…');
  });
});
