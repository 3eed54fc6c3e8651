// The little DER (ASN.1) that issuing one X.509 client certificate needs: Node can parse certificates
// (crypto.X509Certificate) but not build them, and a certificate library would be the largest part of the
// executable's login code for one TBSCertificate. Encoders produce exactly what Go's encoding/asn1 does
// for the same values (crypto/x509.CreateCertificate is the reference, cmd/login/clientcert.go its caller).

export function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

export const sequence = (...items: Buffer[]) => tlv(0x30, ...items);

/** SET OF: DER orders the elements by their encodings (as Go's asn1 does). */
export function setOf(...items: Buffer[]): Buffer {
  return tlv(0x31, ...[...items].sort(Buffer.compare));
}

/** [n] EXPLICIT */
export const explicit = (n: number, inner: Buffer) => tlv(0xa0 | n, inner);

/** A non-negative INTEGER (minimal two's complement, as Go's big.Int marshalling). */
export function integer(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [parts[0]! * 40 + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

export const nullValue = () => Buffer.from([0x05, 0x00]);
export const octetString = (b: Buffer) => tlv(0x04, b);
export const boolean = (v: boolean) => Buffer.from([0x01, 0x01, v ? 0xff : 0x00]);

/** BIT STRING with no unused bits (signatures). */
export const bitString = (b: Buffer) => tlv(0x03, Buffer.from([0]), b);

/** A string attribute value: PrintableString when every character allows it, else UTF8String (Go's rule). */
export function directoryString(s: string): Buffer {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s);
  return tlv(printable ? 0x13 : 0x0c, Buffer.from(s, 'utf8'));
}

/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 4.1.2.5, as Go does). */
export function time(date: Date): Buffer {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${digits}Z`));
}

/** One decoded element: its tag, its content, and the whole encoding (header included). */
export interface DerElement {
  tag: number;
  content: Buffer;
  raw: Buffer;
}

/** Reads the element at offset; throws on truncated or indefinite-length input. */
export function readElement(buf: Buffer, offset = 0): DerElement & { end: number } {
  const tag = buf[offset];
  let lenByte = buf[offset + 1];
  if (tag === undefined || lenByte === undefined) throw new Error('truncated DER');
  let length = lenByte;
  let header = 2;
  if (lenByte & 0x80) {
    const count = lenByte & 0x7f;
    if (count === 0 || count > 4) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) {
      lenByte = buf[offset + 2 + i];
      if (lenByte === undefined) throw new Error('truncated DER');
      length = length * 256 + lenByte;
    }
    header += count;
  }
  const end = offset + header + length;
  if (end > buf.length) throw new Error('truncated DER');
  return { tag, content: buf.subarray(offset + header, end), raw: buf.subarray(offset, end), end };
}

/** The elements inside a constructed element's content. */
export function children(content: Buffer): DerElement[] {
  const out: DerElement[] = [];
  for (let offset = 0; offset < content.length; ) {
    const el = readElement(content, offset);
    out.push(el);
    offset = el.end;
  }
  return out;
}
