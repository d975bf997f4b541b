import { describe, expect, it } from 'vitest';
import { nodeAddress, parseProcTcp, procAddress } from '../../src/server/kernel-queues';

// Lines as Linux prints them (x86 and ARM are little-endian: each 32-bit word byte-reversed).
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:4A23 0100007F:D2F0 01 00046A00:00000000 01:00000014 00000000  1000        0 71519 1 0000000000000000 20 4 1 10 -1
   1: 0100007F:4A23 0100007F:D2F2 01 00000000:00000000 00:00000000 00000000  1000        0 71520 1 0000000000000000 20 4 1 10 -1
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000B00A8C0:C350 01 00001000:00000000 00:00000000 00000000  1000        0 1 1 0 20 4 1 10 -1
   1: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:C351 01 00000200:00000000 00:00000000 00000000  1000        0 1 1 0 20 4 1 10 -1
`;

describe('kernel send queues from /proc/net/tcp', () => {
  it('reads unacknowledged bytes per connection, keyed as Node names its ends', () => {
    const queues = new Map<string, number>();
    parseProcTcp(TCP, queues);
    parseProcTcp(TCP6, queues);
    expect([...queues]).toEqual([
      ['18979|127.0.0.1|54000', 0x46a00],
      ['8080|192.168.0.11|50000', 0x1000],
      ['8080|0:0:0:0:0:0:0:1|50001', 0x200],
    ]);
  });

  it('puts /proc and Node addresses in one form', () => {
    expect(procAddress('0100007F')).toBe('127.0.0.1');
    expect(procAddress('0000000000000000FFFF00000100007F')).toBe('127.0.0.1');
    expect(procAddress('B80D0120000000000000000001000000')).toBe('2001:db8:0:0:0:0:0:1');
    expect(nodeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(nodeAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(nodeAddress('::1')).toBe('0:0:0:0:0:0:0:1');
    expect(nodeAddress('2001:db8::1')).toBe('2001:db8:0:0:0:0:0:1');
    expect(nodeAddress('fe80:0:0:0:1:2:3:4')).toBe('fe80:0:0:0:1:2:3:4');
  });
});
