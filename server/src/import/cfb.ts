// The streams of an OLE compound file ([MS-CFB]), the container of Word 97–2003 (.doc) files: a
// 512-byte header, then sectors; a FAT chains the sectors of each stream, a directory names the
// streams, and streams under 4096 bytes live in 64-byte sectors of a "mini stream" with a FAT of its
// own. Only what reading a .doc needs: the top-level streams, by name. Every chain and count is
// bounded by the file's own size, so that a damaged or hostile file is refused, never looped on.

import { OLE_SIGNATURE, startsWith } from './formats';

/** A stream's bytes, and where each of them is in the file (a stream's sectors lie anywhere in it). */
export interface Stream {
  bytes: Uint8Array;
  /** The file offset of the stream's byte `i`. */
  fileOffset(i: number): number;
}

/** Why a file is not a readable compound file (the caller says it to the user in its own words). */
export class CfbError extends Error {}

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;
const DIRECTORY_ENTRY = 128;
/** [MS-CFB] 2.2: "This field MUST be set to 0x00001000". */
const MINI_STREAM_CUTOFF = 4096;
const MINI_SECTOR = 64;

/** The compound file in `file`, opened: its FAT and directory read. Throws CfbError. */
export function openCfb(file: Uint8Array) {
  if (file.length < 512 || !startsWith(file, OLE_SIGNATURE)) throw new CfbError('not a compound file');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // Version 3 files have 512-byte sectors, version 4 files 4096-byte ones; nothing else exists.
  const shift = u16(30);
  if (shift !== 9 && shift !== 12) throw new CfbError('sector size');
  const size = 1 << shift;
  /** Sectors the file holds: no chain, table or count can honestly be longer. The last may be cut short. */
  const sectors = Math.ceil((file.length - size) / size);
  const sectorAt = (n: number) => {
    if (n >= sectors) throw new CfbError('a sector past the end of the file');
    return (n + 1) * size;
  };

  // The FAT's own sectors: the first 109 listed in the header, the rest in a chain of DIFAT sectors
  // (each lists size/4 − 1 of them and, last, the next DIFAT sector).
  const fatCount = u32(44);
  if (fatCount > sectors) throw new CfbError('more FAT sectors than the file holds');
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(76 + 4 * i));
  let difat = u32(68);
  for (let hops = 0; fatSectors.length < fatCount; hops++) {
    if (difat === ENDOFCHAIN || difat === FREESECT || hops > sectors) throw new CfbError('the DIFAT ends early');
    const at = sectorAt(difat);
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(at + 4 * i));
    difat = u32(at + size - 4);
  }
  const fat = new Uint32Array(fatCount * (size / 4));
  fatSectors.forEach((s, k) => {
    const at = sectorAt(s);
    if (at + size > file.length) throw new CfbError('a FAT sector cut short');
    for (let i = 0; i < size / 4; i++) fat[k * (size / 4) + i] = u32(at + 4 * i);
  });

  /** The sectors of a chain, in order; a loop or a chain longer than the file is a damaged file. */
  const chain = (table: Uint32Array, start: number, limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== ENDOFCHAIN; s = table[s]) {
      if (s >= table.length || out.length >= limit) throw new CfbError('a broken sector chain');
      out.push(s);
    }
    return out;
  };

  /** A stream in regular sectors, `length` bytes long (undefined: its whole chain). */
  const regular = (start: number, length?: number): Stream => {
    const list = chain(fat, start, sectors);
    const total = length ?? list.length * size;
    if (total > list.length * size) throw new CfbError('a stream longer than its sectors');
    const bytes = new Uint8Array(total);
    for (let k = 0; k * size < total; k++) {
      const at = sectorAt(list[k]);
      const part = file.subarray(at, Math.min(at + size, at + total - k * size));
      if (part.length < Math.min(size, total - k * size)) throw new CfbError('a sector cut short');
      bytes.set(part, k * size);
    }
    return { bytes, fileOffset: (i) => sectorAt(list[i >> shift]) + (i & (size - 1)) };
  };

  const directory = regular(u32(48)).bytes;
  const entries = Math.floor(directory.length / DIRECTORY_ENTRY);
  const dir = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entry = (i: number) => {
    const at = i * DIRECTORY_ENTRY;
    const nameBytes = Math.min(dir.getUint16(at + 64, true), 64);
    return {
      // The name's length counts its terminating zero.
      name: Buffer.from(directory.subarray(at, at + Math.max(0, nameBytes - 2))).toString('utf16le'),
      type: directory[at + 66],
      left: dir.getUint32(at + 68, true), right: dir.getUint32(at + 72, true), child: dir.getUint32(at + 76, true),
      start: dir.getUint32(at + 116, true),
      // Version 3 files may leave garbage in the size's high half ([MS-CFB] 2.6.3): its low half only.
      size: dir.getUint32(at + 120, true),
    };
  };
  if (entries === 0) throw new CfbError('no directory');
  const root = entry(0);

  // The root's children are a red-black tree of siblings: walked with a set, so that a cycle ends.
  const named = new Map<string, ReturnType<typeof entry>>();
  const seen = new Set<number>();
  const todo = [root.child];
  while (todo.length) {
    const i = todo.pop()!;
    if (i === NOSTREAM || i >= entries || seen.has(i)) continue;
    seen.add(i);
    const e = entry(i);
    named.set(e.name.toUpperCase(), e);
    todo.push(e.left, e.right);
  }

  let mini: { stream: Stream; fat: Uint32Array } | undefined;
  const miniStream = () => {
    if (!mini) {
      const fatStream = regular(u32(60));
      const table = new Uint32Array(Math.floor(fatStream.bytes.length / 4));
      const fv = new DataView(fatStream.bytes.buffer);
      for (let i = 0; i < table.length; i++) table[i] = fv.getUint32(4 * i, true);
      if (root.size > file.length) throw new CfbError('a mini stream longer than the file');
      mini = { stream: regular(root.start, root.size), fat: table };
    }
    return mini;
  };

  return {
    /** Whether a top-level stream of that name is there (names compare regardless of case, as [MS-CFB] says). */
    has: (name: string) => named.get(name.toUpperCase())?.type === 2,
    /** A top-level stream's bytes; undefined when there is none of that name. */
    stream(name: string): Stream | undefined {
      const e = named.get(name.toUpperCase());
      if (!e || e.type !== 2) return undefined;
      if (e.size > file.length) throw new CfbError('a stream longer than the file');
      if (e.size >= MINI_STREAM_CUTOFF) return regular(e.start, e.size);
      const { stream, fat: table } = miniStream();
      const list = chain(table, e.start, Math.ceil(stream.bytes.length / MINI_SECTOR));
      if (e.size > list.length * MINI_SECTOR) throw new CfbError('a stream longer than its mini sectors');
      const bytes = new Uint8Array(e.size);
      for (let k = 0; k * MINI_SECTOR < e.size; k++) {
        const from = list[k] * MINI_SECTOR;
        const n = Math.min(MINI_SECTOR, e.size - k * MINI_SECTOR);
        if (from + n > stream.bytes.length) throw new CfbError('a mini sector past the mini stream');
        bytes.set(stream.bytes.subarray(from, from + n), k * MINI_SECTOR);
      }
      return { bytes, fileOffset: (i) => stream.fileOffset(list[i >> 6] * MINI_SECTOR + (i & (MINI_SECTOR - 1))) };
    },
  };
}
