// The files room: every file the tool writes goes through here, so every one is written the same safe
// way. The rules (docs/telemetry.md and the README's security notes say them to users):
//   - writeFileAtomic: whole file or nothing, never through a planted link (unpredictable temporary
//     name, exclusive create), 0600 unless asked otherwise, fsync'd unless the caller says it is a cache,
//     its temporary file removed on any failure (a full disk too).
//   - ensurePrivateDir: the folder for such files, 0700 (an older, more open one is closed again).
//   - readPrivateFile (readPrivateBytes): reads back only a regular file of this user, not through a link, of bounded size.
//   - FileWriteError: what a failed write throws, one line naming the path and the reason in words.
// Cross-process locks are not here: a file that needs one (a token refresh) builds it on these pieces.
export { writeFileAtomic, PRIVATE_FILE_MODE, type WriteOptions } from './atomicWrite';
export { ensurePrivateDir, PRIVATE_DIR_MODE } from './privateDir';
export { readPrivateBytes, readPrivateFile, type BytesResult, type NotRead, type ReadResult } from './readPrivate';
export { FileWriteError, describeFsError, errnoOf } from './errors';
