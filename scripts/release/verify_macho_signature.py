#!/usr/bin/python3
"""Checks the embedded code signature of Mach-O executables, independently of the signer.

    python3 verify_macho_signature.py [--require-adhoc] FILE...

The load commands are read with macholib (Debian: python3-macholib), not with the signer's own parser;
the signature blobs are read here from the public format (xnu osfmk/kern/cs_blobs.h). For every
CodeDirectory (SHA-1 or SHA-256) it recomputes the hash of every code page up to the signature and of
every special slot whose blob is embedded (requirements, entitlements), and checks that the signature is
the last thing in __LINKEDIT, the last segment. What it cannot check: the CMS signature of a Developer ID
signature (a certificate chain; ad-hoc signatures have none). --require-adhoc also demands CS_ADHOC and an
empty CMS blob, as `codesign --sign -` writes.

Exit code 0 when every file passes; one line per file either way.
"""
import hashlib
import struct
import sys

from macholib.MachO import MachO
from macholib.mach_o import LC_CODE_SIGNATURE, LC_SEGMENT_64

CSMAGIC_EMBEDDED_SIGNATURE = 0xFADE0CC0
CSMAGIC_CODEDIRECTORY = 0xFADE0C02
CSMAGIC_BLOBWRAPPER = 0xFADE0B01
CS_ADHOC = 0x2
HASHES = {1: ("sha1", 20), 2: ("sha256", 32)}
CODEDIRECTORY_SLOTS = {0} | set(range(0x1000, 0x1005))


class Invalid(Exception):
    pass


def u32(b, at):
    return struct.unpack_from(">I", b, at)[0]


def u64(b, at):
    return struct.unpack_from(">Q", b, at)[0]


def check_header(data, header, require_adhoc):
    base = header.offset
    segments = []
    sig = None
    for lc, cmd, _ in header.commands:
        if lc.cmd == LC_SEGMENT_64:
            segments.append((cmd.segname.rstrip(b"\0").decode(), cmd.fileoff, cmd.filesize))
        elif lc.cmd == LC_CODE_SIGNATURE:
            sig = (cmd.dataoff, cmd.datasize)
    if sig is None:
        raise Invalid("no LC_CODE_SIGNATURE: the file is not signed")
    dataoff, datasize = sig
    linkedit = [s for s in segments if s[0] == "__LINKEDIT"]
    if not linkedit:
        raise Invalid("no __LINKEDIT segment")
    _, le_off, le_size = linkedit[0]
    if any(off > le_off for name, off, _ in segments if name != "__LINKEDIT"):
        raise Invalid("__LINKEDIT is not the last segment")
    if not (le_off <= dataoff and dataoff + datasize <= le_off + le_size):
        raise Invalid("the signature lies outside __LINKEDIT")
    blob = data[base + dataoff: base + dataoff + datasize]
    if len(blob) != datasize:
        raise Invalid("the signature runs past the end of the file")
    if u32(blob, 0) != CSMAGIC_EMBEDDED_SIGNATURE:
        raise Invalid("the signature is not an embedded-signature SuperBlob")
    length, count = u32(blob, 4), u32(blob, 8)
    if length > datasize:
        raise Invalid("SuperBlob longer than its load command says")
    blobs = {}
    for i in range(count):
        typ, off = u32(blob, 12 + i * 8), u32(blob, 16 + i * 8)
        blen = u32(blob, off + 4)
        if off + blen > length:
            raise Invalid("blob %#x runs past the SuperBlob" % typ)
        blobs[typ] = blob[off: off + blen]
    directories = [blobs[t] for t in sorted(blobs) if t in CODEDIRECTORY_SLOTS]
    if not directories:
        raise Invalid("no CodeDirectory")
    text = [s for s in segments if s[0] == "__TEXT"]
    summary = []
    for cd in directories:
        if u32(cd, 0) != CSMAGIC_CODEDIRECTORY:
            raise Invalid("CodeDirectory with a wrong magic")
        version, flags = u32(cd, 8), u32(cd, 12)
        hash_offset, ident_offset = u32(cd, 16), u32(cd, 20)
        n_special, n_code, code_limit = u32(cd, 24), u32(cd, 28), u32(cd, 32)
        hash_size, hash_type, page_shift = cd[36], cd[37], cd[39]
        if version >= 0x20300 and u64(cd, 56):
            code_limit = u64(cd, 56)
        if hash_type not in HASHES or HASHES[hash_type][1] != hash_size:
            raise Invalid("unsupported hash type %d" % hash_type)
        algo = HASHES[hash_type][0]
        if code_limit != dataoff:
            raise Invalid("the code limit (%d) is not where the signature starts (%d)" % (code_limit, dataoff))
        page = 1 << page_shift if page_shift else code_limit
        if n_code != (code_limit + page - 1) // page:
            raise Invalid("%d code slots for %d bytes" % (n_code, code_limit))
        for i in range(n_code):
            start = base + i * page
            got = hashlib.new(algo, data[start: base + min((i + 1) * page, code_limit)]).digest()
            want = cd[hash_offset + i * hash_size: hash_offset + (i + 1) * hash_size]
            if got != want:
                raise Invalid("page %d (bytes %d-%d) does not match its %s hash" % (i, i * page, min((i + 1) * page, code_limit) - 1, algo))
        for slot in range(1, n_special + 1):
            want = cd[hash_offset - slot * hash_size: hash_offset - (slot - 1) * hash_size]
            if slot in blobs:
                if hashlib.new(algo, blobs[slot]).digest() != want:
                    raise Invalid("special slot -%d does not match its embedded blob" % slot)
            elif slot not in (1, 3) and any(want):
                # -1 (Info.plist) and -3 (resources) live outside a bare executable; every other slot with a
                # hash needs its blob here.
                raise Invalid("special slot -%d has a hash but no blob" % slot)
        if version >= 0x20400 and text:
            if u64(cd, 64) != text[0][1] or u64(cd, 72) != text[0][2]:
                raise Invalid("the executable segment in the CodeDirectory is not __TEXT")
        ident = cd[ident_offset: cd.index(b"\0", ident_offset)].decode()
        if require_adhoc:
            if not flags & CS_ADHOC:
                raise Invalid("not ad-hoc signed (flags %#x)" % flags)
            cms = blobs.get(0x10000)
            if cms is not None and (u32(cms, 0) != CSMAGIC_BLOBWRAPPER or len(cms) != 8):
                raise Invalid("an ad-hoc signature with a CMS signature in it")
        summary.append("%s %s flags=%#x pages=%d" % (ident, algo, flags, n_code))
    return "; ".join(summary)


def check(path, require_adhoc):
    with open(path, "rb") as f:
        data = f.read()
    macho = MachO(path)
    return ", ".join(check_header(data, h, require_adhoc) for h in macho.headers)


def main(argv):
    require_adhoc = "--require-adhoc" in argv
    files = [a for a in argv if a != "--require-adhoc"]
    if not files:
        print("usage: verify_macho_signature.py [--require-adhoc] FILE...", file=sys.stderr)
        return 2
    failed = 0
    for path in files:
        try:
            print("%s: valid (%s)" % (path, check(path, require_adhoc)))
        except Invalid as e:
            failed += 1
            print("%s: INVALID: %s" % (path, e))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
