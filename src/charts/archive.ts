// Reading one file out of a chart archive (.tgz) in memory: what `helm pull --untar` followed by reading
// <chart>/values.yaml gives the Go tool, without a helm binary or a temporary directory. Handles ustar
// names (prefix + name), PAX path records and GNU long names, as archive/tar (helm package) writes them.
import { gunzipSync } from 'node:zlib';
import { UserError } from '../errors';

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? raw.length : nul).toString('utf8');
}

/** The named file's bytes, or undefined when the archive has no such file. */
export function fileFromChartArchive(archive: Buffer, path: string, source: string): Buffer | undefined {
  let tar: Buffer;
  try {
    tar = gunzipSync(archive);
  } catch {
    throw new UserError(`the chart archive ${source} is not gzip-compressed; is the URL right?`);
  }
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    if (Number.isNaN(size)) throw new UserError(`the chart archive ${source} is not a valid tar archive`);
    const type = String.fromCharCode(header[156]!);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (m) longName = m[1];
      continue;
    }
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    const prefix = field(header, 257, 6).startsWith('ustar') ? field(header, 345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    if ((type === '0' || type === '\0') && name.replace(/^\.\//, '') === path) return Buffer.from(body);
  }
  return undefined;
}
