import { describe, expect, it } from 'vitest';
import { QR_QUIET_ZONE, qrCodeOf } from './qrCode';

describe('qrCodeOf', () => {
  it('draws a link of 2,100 characters as one path of dark modules inside a quiet zone', () => {
    const url = `http://127.0.0.1:4173/#s=1.${'N4IgbiBcCMA0IGcDGBTAdgQwE4EsD2UoAZnlg'.repeat(60)}`.slice(0, 2100);
    const result = qrCodeOf(url);
    if (!result.ok) throw new Error(result.message);
    expect(result.version).toBeGreaterThan(20);
    expect(result.modules).toBe(17 + 4 * result.version + 2 * QR_QUIET_ZONE);
    expect(result.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    expect(result.path.startsWith(`M${QR_QUIET_ZONE} ${QR_QUIET_ZONE}h1v1h-1z`)).toBe(true);
  });

  it('says so when a link is too long for any QR code', () => {
    const result = qrCodeOf('x'.repeat(5000));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^This link is too long for a QR code \(5000 characters; /);
  });
});
