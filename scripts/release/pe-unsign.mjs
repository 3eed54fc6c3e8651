// Removes the Authenticode signature from a PE executable, as `signtool remove /s` does: the security data
// directory is cleared and the certificate table (at the end of the file) cut off.
// Why: Node's windows binaries are signed by the Node.js project; injecting the application (postject)
// moves the resource section over the certificate table, leaving a signature entry that points at other
// bytes. Windows runs unsigned executables; a corrupt signature is worse than none.
const IMAGE_DIRECTORY_ENTRY_SECURITY = 4;

/** The offset of the security data directory entry (file offset, size) in the optional header. */
function securityEntry(buf) {
  if (buf.toString('latin1', 0, 2) !== 'MZ') throw new Error('not a PE file (no MZ header)');
  const pe = buf.readUInt32LE(0x3c);
  if (buf.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('not a PE file (no PE signature)');
  const opt = pe + 24;
  const magic = buf.readUInt16LE(opt);
  if (magic !== 0x20b) throw new Error('not a PE32+ (64-bit) executable');
  return opt + 112 + IMAGE_DIRECTORY_ENTRY_SECURITY * 8;
}

/** A copy of `input` (a Buffer) without its Authenticode signature (the same bytes when it has none). */
export function removeAuthenticode(input) {
  const entry = securityEntry(input);
  const offset = input.readUInt32LE(entry);
  const size = input.readUInt32LE(entry + 4);
  if (offset === 0 && size === 0) return Buffer.from(input);
  if (offset + size !== input.length) throw new Error('the certificate table is not at the end of the file; refusing to cut it');
  const out = Buffer.from(input.subarray(0, offset));
  out.writeUInt32LE(0, entry);
  out.writeUInt32LE(0, entry + 4);
  return out;
}

/** [file offset, size] of the certificate table; [0, 0] when unsigned. */
export function certificateTable(buf) {
  const entry = securityEntry(buf);
  return [buf.readUInt32LE(entry), buf.readUInt32LE(entry + 4)];
}
