import { installationAddresses, urlType } from '../../../src/login/installationUrl';

// Cases from the Go tool's pkg/installation/url_test.go behaviour.
describe('installation addresses (Go GetBaseAndInternalPath)', () => {
  it.each([
    ['https://g8s.test.eu-west-1.aws.gigantic.io', 'g8s.test.eu-west-1.aws.gigantic.io', 'internal-g8s.test.eu-west-1.aws.gigantic.io', 'https://athena.g8s.test.eu-west-1.aws.gigantic.io'],
    ['api.golem.gaws.gigantic.io', 'golem.gaws.gigantic.io', 'internal-golem.gaws.gigantic.io', 'https://athena.golem.gaws.gigantic.io'],
    ['https://happa.g8s.test.eu-west-1.aws.gigantic.io', 'g8s.test.eu-west-1.aws.gigantic.io', 'internal-g8s.test.eu-west-1.aws.gigantic.io', 'https://athena.g8s.test.eu-west-1.aws.gigantic.io'],
    ['https://api.abc12.k8s.test.eu-west-1.aws.gigantic.io:443', 'abc12.k8s.test.eu-west-1.aws.gigantic.io', 'internal-api.abc12.k8s.test.eu-west-1.aws.gigantic.io', 'https://athena.abc12.k8s.test.eu-west-1.aws.gigantic.io'],
    ['https://127.0.0.1:8443', '127.0.0.1:8443', '127.0.0.1:8443', 'https://127.0.0.1:8443'],
  ])('%s', (input, base, internal, athena) => {
    expect(installationAddresses(input)).toMatchObject({ basePath: base, internalPath: internal, athenaUrl: athena });
  });
  it('rejects what Go rejects', () => {
    expect(installationAddresses('https://example.com')).toBeUndefined();
    expect(installationAddresses('127.0.0.1')).toBeUndefined(); // Go's IP form needs a port
    expect(urlType('golem')).toBe('invalid');
  });
});
