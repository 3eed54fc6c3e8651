// The check's own version order against the semver package (which the rest of the tool uses): the same
// answer for every pair of a list of versions, invalid ones included, and semver.org's own example order.
import semver from 'semver';
import { compareVersions } from '../../../src/selfupdate/versionOrder';

const versions = [
  '0.0.0', '0.1.0', '0.1.0-dev', '1.0.0', 'v1.0.0', '1.0.0+build.7', '1.0.0-0', '1.0.0-1', '1.0.0-9', '1.0.0-10',
  '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1',
  '1.0.0-Alpha', '1.0.0-alpha-1', '1.0.0-1a', '2.0.0', '2.1.0', '2.10.0', '10.0.0', '5.2.1-rc.1+sha.abc',
  // not versions
  '', 'garbage', '1.0', '1.0.0.0', '01.0.0', '1.00.0', '1.0.0-01', '1.0.0-', '1.0.0+', '1.0.0-alpha..1', 'v', '=1.0.0',
  '99999999999999999999.0.0',
];

describe('compareVersions', () => {
  it.each(versions)('agrees with semver for %j against every version of the list', (a) => {
    const got = versions.map((b) => compareVersions(a, b));
    const want = versions.map((b) => (semver.valid(a) && semver.valid(b) ? semver.compare(a, b) : undefined));
    expect(got).toEqual(want);
  });

  it('orders semver.org\'s example (section 11) from lowest to highest', () => {
    const order = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    for (let i = 1; i < order.length; i++) {
      expect(compareVersions(order[i - 1], order[i])).toBe(-1);
      expect(compareVersions(order[i], order[i - 1])).toBe(1);
    }
  });
});
