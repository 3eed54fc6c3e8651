// The files room: atomic writes that never follow a planted link, leave nothing behind on failure (a
// really full disk included) and make files 0600; private folders 0700 (older, more open ones closed);
// reading back only a regular file of this user.
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateDir, FileWriteError, readPrivateBytes, readPrivateFile, writeFileAtomic } from '../../../src/files/index';
import { canMount, runWithMountedDir } from '../../support/mountedDir';

const work = () => mkdtempSync(join(tmpdir(), 'kgs-files-'));
const modeOf = (p: string) => statSync(p).mode & 0o777;

function withUmask<T>(mask: number, f: () => T): T {
  const old = process.umask(mask);
  try {
    return f();
  } finally {
    process.umask(old);
  }
}

describe('writeFileAtomic', () => {
  it('writes the whole file 0600 whatever the umask, and leaves nothing else in the folder', () => {
    const dir = work();
    const file = join(dir, 'a.json');
    withUmask(0, () => writeFileAtomic(file, '{"a":1}'));
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}');
    expect(modeOf(file)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('replaces a world-readable file with a 0600 one', () => {
    const dir = work();
    const file = join(dir, 'cache.json');
    writeFileSync(file, 'old', { mode: 0o644 });
    chmodSync(file, 0o644);
    writeFileAtomic(file, 'new', { fsync: false });
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(modeOf(file)).toBe(0o600);
  });

  it('with keepMode keeps the exact bits of the file it replaces, and gives a new file the mode under the umask', () => {
    const dir = work();
    const kept = join(dir, 'kept.yaml');
    writeFileSync(kept, 'old');
    chmodSync(kept, 0o664);
    withUmask(0o022, () => writeFileAtomic(kept, 'new', { mode: 0o644, keepMode: true }));
    expect(modeOf(kept)).toBe(0o664);
    const fresh = join(dir, 'new.yaml');
    withUmask(0o077, () => writeFileAtomic(fresh, 'x', { mode: 0o644, keepMode: true }));
    expect(modeOf(fresh)).toBe(0o600);
  });

  it('never writes through a link planted where an older version put its temporary file', () => {
    const dir = work();
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious');
    const file = join(dir, 'settings.json');
    for (const name of [`${file}.${process.pid}.tmp`, join(dir, `.settings.json.${process.pid}.tmp`)]) symlinkSync(victim, name);
    writeFileAtomic(file, 'mine');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('fails with one line naming the file and the reason, and removes its temporary file', () => {
    const dir = work();
    const target = join(dir, 'taken');
    mkdirSync(target); // a folder where the file should go: the rename fails
    let err: unknown;
    try {
      writeFileAtomic(target, 'x');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FileWriteError);
    expect((err as FileWriteError).code).toBe('EISDIR');
    expect((err as Error).message).toBe(`cannot write ${target} (it is a folder)`);
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(() => writeFileAtomic(join(dir, 'missing', 'f'), 'x')).toThrow(`cannot write ${join(dir, 'missing', 'f')} (the folder does not exist)`);
  });

  // (A tmpfs of 16 KB in a namespace of its own: test/support/mountedDir.ts.)
  (canMount ? it : it.skip)('on a full disk (ENOSPC) leaves the previous file as it was and no temporary file', async () => {
    const r = await runWithMountedDir(
      `import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
       import { join } from 'node:path';
       import { writeFileAtomic } from './src/files/index';
       const [dir, phase] = process.argv.slice(2);
       const file = join(dir, 'kept.json');
       if (phase === 'prepare') writeFileSync(file, 'previous');
       else {
         let code = 'none';
         try { writeFileAtomic(file, 'x'.repeat(64 * 1024)); } catch (e) { code = e.code; }
         console.log(JSON.stringify({ code, content: readFileSync(file, 'utf8'), names: readdirSync(dir) }));
       }`,
      { sizeKb: 16 },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ code: 'ENOSPC', content: 'previous', names: ['kept.json'] });
  }, 30_000);
});

describe('ensurePrivateDir', () => {
  it('makes the folder and its missing parents 0700', () => {
    const dir = work();
    withUmask(0, () => ensurePrivateDir(join(dir, 'a', 'b')));
    expect(modeOf(join(dir, 'a'))).toBe(0o700);
    expect(modeOf(join(dir, 'a', 'b'))).toBe(0o700);
  });

  it('closes a folder an older version made 0755', () => {
    const dir = join(work(), 'spool');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    ensurePrivateDir(dir);
    expect(modeOf(dir)).toBe(0o700);
  });

  it('says in one line when a file is in the way', () => {
    const file = join(work(), 'file');
    writeFileSync(file, '');
    expect(() => ensurePrivateDir(join(file, 'sub'))).toThrow(new RegExp(`^cannot write ${file}/sub \\((a part of the path is not a folder|a file of that name is in the way)\\)$`));
  });
});

describe('readPrivateFile', () => {
  it('reads a regular file of this user', () => {
    const file = join(work(), 'f');
    writeFileSync(file, 'hello');
    expect(readPrivateFile(file, 100)).toEqual({ ok: true, text: 'hello' });
    expect(readPrivateFile(join(work(), 'none'), 100)).toEqual({ ok: false, why: 'missing' });
  });

  it('does not follow a link, read a folder or a file with a second name, or read past its limit', () => {
    const dir = work();
    const secret = join(dir, 'secret.json');
    writeFileSync(secret, '[null, {"stolen": 1}]');
    symlinkSync(secret, join(dir, 'link.json'));
    linkSync(secret, join(dir, 'hard.json'));
    mkdirSync(join(dir, 'folder.json'));
    writeFileSync(join(dir, 'big'), 'x'.repeat(101));
    expect(readPrivateFile(join(dir, 'link.json'), 100)).toEqual({ ok: false, why: 'symbolic link' });
    expect(readPrivateFile(join(dir, 'hard.json'), 100)).toEqual({ ok: false, why: 'not ours' });
    expect(readPrivateFile(join(dir, 'folder.json'), 100)).toEqual({ ok: false, why: 'not a regular file' });
    expect(readPrivateFile(join(dir, 'big'), 100)).toEqual({ ok: false, why: 'too large' });
  });
});

describe('readPrivateBytes', () => {
  it('reads the bytes as they are (a code cache is not UTF-8), under the same rules', () => {
    const dir = work();
    const bytes = Buffer.from([0xc0, 0xde, 0xff, 0x00, 0x80, 0x41]);
    writeFileSync(join(dir, 'cache.v8'), bytes);
    symlinkSync(join(dir, 'cache.v8'), join(dir, 'link.v8'));
    const read = readPrivateBytes(join(dir, 'cache.v8'), 6);
    expect(read.ok && [...read.data]).toEqual([...bytes]);
    expect(readPrivateBytes(join(dir, 'cache.v8'), 5)).toEqual({ ok: false, why: 'too large' });
    expect(readPrivateBytes(join(dir, 'link.v8'), 100)).toEqual({ ok: false, why: 'symbolic link' });
  });
});
