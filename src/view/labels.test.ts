import { describe, expect, it } from 'vitest';
import { commandLabel, readModelName } from './labels';

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
