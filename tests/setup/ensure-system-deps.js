#!/usr/bin/env node
// pretest: makes sure the Debian packages the tests need are present. Installs the missing ones with
// apt-get when running as root on Debian; otherwise names them and stops.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  {
    pkg: 'chromium',
    present: () => existsSync('/usr/bin/chromium'),
    why: 'end-to-end tests (Playwright drives Debian Chromium)',
  },
  { pkg: 'fonts-noto-cjk', present: () => hasPackage('fonts-noto-cjk'), why: 'Chinese text in screenshots' },
  { pkg: 'socat', present: () => existsSync('/usr/bin/socat'), why: 'serial pty pairs for reader tests' },
  { pkg: 'libusb-1.0-0', present: () => hasPackage('libusb-1.0-0'), why: 'node-hid on Linux' },
  { pkg: 'pcscd', present: () => existsSync('/usr/sbin/pcscd'), why: 'PC/SC reader tests (the real daemon)' },
  {
    pkg: 'vsmartcard-vpcd',
    present: () => hasPackage('vsmartcard-vpcd'),
    why: 'PC/SC reader tests (the virtual reader the test card plugs into)',
  },
  {
    pkg: 'libpcsclite-dev',
    present: () => hasPackage('libpcsclite-dev'),
    why: 'PC/SC client library and headers',
  },
  {
    pkg: 'gcc',
    present: () => spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0,
    why: 'builds the device SDK test doubles (cc -shared -fPIC), e.g. the ID reader’s termb',
  },
  { pkg: 'libc6-dev', present: () => hasPackage('libc6-dev'), why: 'C headers for those test doubles' },
];

function hasPackage(name) {
  const r = spawnSync('dpkg-query', ['-W', `-f=\${Status}`, name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

const missing = NEEDED.filter((n) => !n.present());
if (missing.length === 0) process.exit(0);

const names = missing.map((m) => m.pkg);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error('The tests need these Debian packages, which are missing:');
  for (const m of missing) console.error(`  ${m.pkg.padEnd(16)} ${m.why}`);
  console.error(`Install them with:  sudo apt-get install -y ${names.join(' ')}`);
  process.exit(1);
}
console.error(`pretest: installing ${names.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const install = () =>
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...names], { stdio: 'inherit', env });
try {
  install();
} catch {
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  install();
}
