// Whether a host is an IP literal. Not node:net's isIP: its first call on a name compiles a large IPv6
// regular expression (about 2.5 ms), and this runs on every counted command.
export function ipFamily(host: string): 0 | 4 | 6 {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return 4;
  if (host.includes(':') && /^[0-9a-f:.]+(%.+)?$/i.test(host)) return 6;
  return 0;
}
