/**
 * The QR code of a link, drawn as one SVG path (black on white, crisp edges) for a classroom
 * screen; or the reason there is none.
 */
import { useEffect, useState } from 'react';
import { qrCodeForUrl, type QrCodeResult } from '../../app/sharing';

export function QrCode({ url, sizePx }: { url: string; sizePx: number }) {
  const [drawn, setDrawn] = useState<{ url: string; qr: QrCodeResult } | null>(null);
  useEffect(() => {
    let current = true;
    void qrCodeForUrl(url).then((qr) => {
      if (current) setDrawn({ url, qr });
    });
    return () => {
      current = false;
    };
  }, [url]);
  const qr = drawn?.url === url ? drawn.qr : null;
  if (qr === null) return <p className="qr-missing" style={{ width: sizePx, height: sizePx }}>Drawing the QR code…</p>;
  if (!qr.ok) return <p className="qr-missing">{qr.message}</p>;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label="QR code of the link to this run"
      width={sizePx}
      height={sizePx}
      viewBox={`0 0 ${qr.modules} ${qr.modules}`}
      shapeRendering="crispEdges"
      data-testid="share-qr"
    >
      <rect width={qr.modules} height={qr.modules} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
