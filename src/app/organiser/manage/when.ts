const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as the wave form's fields show it on this device: "2025-06-02" and "09:30". */
export function localParts(at: Date): { date: string; time: string } {
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

/** The day a typed date names ("2025-06-02", also with . or / between), or undefined when it names none. */
export function parseDate(text: string): [number, number, number] | undefined {
  const m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date rolls 2025-02-30 over into March; a date that does not come back unchanged is not one.
  const probe = new Date(y, mo - 1, d);
  return probe.getFullYear() === y && probe.getMonth() === mo - 1 && probe.getDate() === d ? [y, mo, d] : undefined;
}

/** The hours and minutes a typed 24-hour time names ("9:30", "09:30"), or undefined. */
export function parseTime(text: string): [number, number] | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? [h, min] : undefined;
}

/** The instant a local date and time name on this device, or undefined when either is not valid. */
export function localInstant(date: string, time: string): Date | undefined {
  const d = parseDate(date);
  const t = parseTime(time);
  return d && t ? new Date(d[0], d[1] - 1, d[2], t[0], t[1]) : undefined;
}
