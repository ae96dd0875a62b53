/**
 * A QR code of a share link for a classroom screen, computed by the `qrcode` package and
 * returned as one SVG path (the view renders it; nothing here touches the DOM).
 */
import QRCode from 'qrcode';

/** Blank modules around the symbol, as the QR specification requires. */
export const QR_QUIET_ZONE = 4;

export type QrCodeResult =
  | { ok: true; modules: number; path: string; version: number }
  | { ok: false; message: string };

/** Low error correction: the densest symbol, so the longest links still fit and stay legible. */
export function qrCodeOf(text: string): QrCodeResult {
  try {
    const code = QRCode.create(text, { errorCorrectionLevel: 'L' });
    const { size, data } = code.modules;
    let path = '';
    for (let row = 0; row < size; row++) {
      for (let column = 0; column < size; column++) {
        if (data[row * size + column]) path += `M${column + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h1v1h-1z`;
      }
    }
    return { ok: true, modules: size + 2 * QR_QUIET_ZONE, path, version: code.version };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unknown error';
    return {
      ok: false,
      message: `This link is too long for a QR code (${text.length} characters; ${reason}). Share the link itself instead.`,
    };
  }
}
