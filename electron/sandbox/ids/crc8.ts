/** CRC-8, poly 0x07, init 0x00, no reflection, no final XOR — the checksum of KSeF numbers and reference numbers. */
export function crc8(ascii: string): number {
  let crc = 0;
  for (let i = 0; i < ascii.length; i++) {
    crc ^= ascii.charCodeAt(i) & 0xff;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
    }
  }
  return crc;
}

/** The CRC as the two uppercase hex digits KSeF appends. */
export function crc8Hex(ascii: string): string {
  return crc8(ascii).toString(16).toUpperCase().padStart(2, '0');
}
