/**
 * Whether a link points at the computer that made it only (localhost, 127.0.0.0/8, ::1): such
 * a link, or its QR code, opens nothing on a student's phone.
 */
export function isLoopbackLink(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}
