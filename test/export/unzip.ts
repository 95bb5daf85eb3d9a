import { inflateRawSync } from 'node:zlib';

// The files of a zip (a .docx), by name: enough of the format to look inside what the export wrote,
// read from the central directory (the local headers may leave their sizes to a data descriptor).

export function unzip(zip: Uint8Array): Map<string, string> {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const files = new Map<string, string>();
  let at = b.readUInt32LE(end + 16);
  for (let n = b.readUInt16LE(end + 10); n > 0; n--) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error(`not a zip: bad central directory entry at ${at}`);
    const method = b.readUInt16LE(at + 10), size = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28), extra = b.readUInt16LE(at + 30), comment = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}
