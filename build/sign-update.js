#!/usr/bin/env node
// Signs what the company puts in its update folder, so a counter installs only what the company published:
//   node build/sign-update.js keygen DIR          writes DIR/update-private-key.pem (keep it off the update server)
//                                                 and DIR/update-public-key.pem (copy it to build/ before a build)
//   node build/sign-update.js sign KEY FILE...    writes FILE.sig beside each latest*.yml (Ed25519, base64)
// The counter checks the .sig of latest*.yml with the public key built into its asar, then the installer it
// downloaded against that signed file's sha512 (electron/update/signed-updates.ts; docs/install.md).
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The base64 Ed25519 signature of `bytes` by the PEM private key `privateKeyPem`. */
export function signFeed(bytes, privateKeyPem) {
  return sign(null, bytes, privateKeyPem).toString('base64');
}

export function generateUpdateKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'keygen' && args.length === 1) {
    const keys = generateUpdateKeys();
    writeFileSync(`${args[0]}/update-private-key.pem`, keys.privateKeyPem, { mode: 0o600, flag: 'wx' });
    writeFileSync(`${args[0]}/update-public-key.pem`, keys.publicKeyPem, { flag: 'wx' });
    console.log(`keys written to ${args[0]}: update-private-key.pem (secret), update-public-key.pem`);
  } else if (cmd === 'sign' && args.length >= 2) {
    const key = readFileSync(args[0], 'utf8');
    for (const file of args.slice(1)) {
      writeFileSync(`${file}.sig`, signFeed(readFileSync(file), key));
      console.log(`signed ${file} → ${file}.sig`);
    }
  } else {
    console.error('usage: sign-update.js keygen DIR | sign PRIVATE_KEY.pem latest.yml [latest-linux.yml …]');
    process.exit(2);
  }
}
