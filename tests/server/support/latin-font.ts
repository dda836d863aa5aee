/**
 * A TrueType font with glyphs for A–Z only, built here so a test does not depend on which Latin fonts a machine has:
 * the sfnt header and one cmap table (format 4), all a font engine reads to say which characters a font can print.
 */
export function latinOnlyFont(): Buffer {
  // A–Z map to glyphs 1–26; the 0xFFFF segment ends every format 4 table.
  const segments = [
    { start: 0x41, end: 0x5a, delta: 1 - 0x41 },
    { start: 0xffff, end: 0xffff, delta: 1 }
  ]
  const count = segments.length
  const subtable = Buffer.alloc(16 + count * 8)
  subtable.writeUInt16BE(4, 0) // format
  subtable.writeUInt16BE(subtable.length, 2)
  subtable.writeUInt16BE(count * 2, 6) // segCountX2
  subtable.writeUInt16BE(4, 8) // searchRange
  subtable.writeUInt16BE(1, 10) // entrySelector
  segments.forEach((segment, index) => {
    subtable.writeUInt16BE(segment.end, 14 + index * 2)
    subtable.writeUInt16BE(segment.start, 16 + count * 2 + index * 2)
    subtable.writeUInt16BE((segment.delta + 65536) % 65536, 16 + count * 4 + index * 2)
  })
  // cmap version 0, one encoding record: Windows (3), Unicode BMP (1), at offset 12.
  const cmap = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12]), subtable])
  const directory = Buffer.alloc(12 + 16)
  directory.writeUInt32BE(0x00010000, 0) // TrueType
  directory.writeUInt16BE(1, 4) // one table
  directory.writeUInt16BE(16, 6)
  directory.write('cmap', 12, 'latin1')
  directory.writeUInt32BE(directory.length, 20)
  directory.writeUInt32BE(cmap.length, 24)
  return Buffer.concat([directory, cmap])
}
