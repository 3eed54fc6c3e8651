// OpenPGP key pairs for SOPS, as the Go tool makes them with gopenpgp: an unprotected key (Flux must
// decrypt unattended) with one user ID, the key's name. EdDSA/ECDH on Curve25519 in the classic (v4)
// form, which gpg, sops and Flux's kustomize-controller all read.
import type { KeyPair } from './templates';

export async function generateKeyPair(name: string): Promise<KeyPair> {
  // Loaded here, on use only (src/vendor keeps it out of the executable's main script).
  const openpgp = (require('../vendor') as typeof import('../vendor')).openpgp();
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name }],
    format: 'armored',
  });
  const key = await openpgp.readKey({ armoredKey: publicKey });
  return { fingerprint: key.getFingerprint(), privateData: privateKey.trimEnd(), publicData: publicKey.trimEnd() };
}
