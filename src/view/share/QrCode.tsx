/**
 * The QR code of a link, drawn as one SVG path (black on white, crisp edges) for a classroom
 * screen; or the reason there is none.
 */
import { useMemo } from 'react';
import { qrCodeForUrl } from '../../app/sharing';

export function QrCode({ url, sizePx }: { url: string; sizePx: number }) {
  const qr = useMemo(() => qrCodeForUrl(url), [url]);
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
