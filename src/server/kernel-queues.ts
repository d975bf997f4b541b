import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';

// A subscriber that never reads makes the kernel hold what the server sent it: Node's
// `writableLength` only grows once the kernel's send buffer is full, and Linux lets that
// buffer grow to megabytes per socket (tcp_wmem). To count those bytes too, Linux publishes
// every TCP socket's unacknowledged bytes (`tx_queue`) in /proc/net/tcp and tcp6. Elsewhere
// (or where /proc is not readable) the map stays empty and only Node's buffers are counted.

/** How often the kernel's queues are read while anyone asks for them. */
export const REFRESH_MS = 2_000;

const PROC_FILES = ['/proc/net/tcp', '/proc/net/tcp6'];

/** A /proc address (hex, each 32-bit word in host byte order) as Node names addresses. */
export function procAddress(hex: string): string {
  const bytes: number[] = [];
  for (let w = 0; w < hex.length; w += 8) {
    const word = [0, 2, 4, 6].map((i) => parseInt(hex.slice(w + i, w + i + 2), 16));
    bytes.push(...(endianness() === 'LE' ? word.reverse() : word));
  }
  const v4 = bytes.length === 4 ? bytes : bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff ? bytes.slice(12) : undefined;
  if (v4) return v4.join('.');
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

/** Node's form of an address (`::ffff:1.2.3.4`, `::1`) in procAddress's form (`1.2.3.4`, `0:0:0:0:0:0:0:1`). */
export function nodeAddress(address: string): string {
  if (address.includes('.')) return address.slice(address.lastIndexOf(':') + 1);
  const [head, tail] = address.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => parseInt(g, 16).toString(16)).join(':');
}

/** The key of one connection: our port, the peer's address and port. */
function key(localPort: number, remoteAddress: string, remotePort: number): string {
  return `${localPort}|${remoteAddress}|${remotePort}`;
}

/** Unacknowledged bytes per connection from the text of /proc/net/tcp or tcp6. */
export function parseProcTcp(text: string, into: Map<string, number>): void {
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const [local, remote, , queues] = fields.slice(1, 5) as [string, string, string, string];
    const tx = parseInt(queues.split(':')[0]!, 16);
    if (!tx) continue;
    const [, localPort] = local.split(':') as [string, string];
    const [remoteHex, remotePort] = remote.split(':') as [string, string];
    into.set(key(parseInt(localPort, 16), procAddress(remoteHex), parseInt(remotePort, 16)), tx);
  }
}

/** A connection as Node describes it. */
export type TcpEnds = { localPort?: number; remoteAddress?: string; remotePort?: number };

/**
 * The kernel's unacknowledged bytes per TCP connection, read every REFRESH_MS while at least
 * one caller holds it (`hold` returns the release). Reads are asynchronous and shared by
 * every subscriber, so a thousand live streams cost one read of /proc every two seconds.
 */
export class KernelQueues {
  private queues = new Map<string, number>();
  private holders = 0;
  private timer?: ReturnType<typeof setInterval>;

  /** Starts reading while held; the function returned lets go. */
  hold(): () => void {
    if (this.holders++ === 0) {
      void this.refresh();
      this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
      this.timer.unref();
    }
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (--this.holders === 0) clearInterval(this.timer);
    };
  }

  /** Bytes the kernel held unacknowledged for this connection at the last reading (0 when unknown). */
  queued(ends: TcpEnds): number {
    if (!ends.localPort || !ends.remoteAddress || !ends.remotePort) return 0;
    return this.queues.get(key(ends.localPort, nodeAddress(ends.remoteAddress), ends.remotePort)) ?? 0;
  }

  private async refresh(): Promise<void> {
    const next = new Map<string, number>();
    for (const file of PROC_FILES) {
      try {
        parseProcTcp(await readFile(file, 'utf8'), next);
      } catch {
        // Not Linux, or /proc hidden: Node's own buffers are then all that is counted.
      }
    }
    this.queues = next;
  }
}

/** The one reader the process shares. */
export const kernelQueues = new KernelQueues();
