import qrcode from 'qrcode-generator';
import { createMemo } from 'solid-js';

/** Modules of white around the code: the quiet zone the QR standard asks for, so phone cameras find it. */
const QUIET = 4;

/**
 * A QR code as one SVG path of dark modules on white. Drawn as elements (not the library's
 * markup string), so nothing is ever parsed as HTML, and it stays sharp on a projector.
 */
export function QrCode(props: { text: string; label: string; class?: string }) {
  const code = createMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(props.text);
    qr.make();
    return qr;
  });
  const size = () => code().getModuleCount() + 2 * QUIET;
  const path = () => {
    const qr = code();
    const parts: string[] = [];
    for (let row = 0; row < qr.getModuleCount(); row++) {
      for (let col = 0; col < qr.getModuleCount(); col++) if (qr.isDark(row, col)) parts.push(`M${col + QUIET} ${row + QUIET}h1v1h-1z`);
    }
    return parts.join('');
  };
  return (
    <svg class={`org-qr ${props.class ?? ''}`} viewBox={`0 0 ${size()} ${size()}`} role="img" aria-label={props.label} shape-rendering="crispEdges">
      <rect width={size()} height={size()} fill="#fff" />
      <path d={path()} fill="#000" />
    </svg>
  );
}
