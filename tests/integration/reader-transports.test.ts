/**
 * The shared reader suite against the reference protocol over a socat pty and the 明华/德卡 stub libraries
 * (built here with the C compiler). PC/SC runs it in reader-pcsc.test.ts, next to pcscd's own cases.
 */
import { describe } from 'vitest';
import { libRig, serialRig } from '../support/reader-rig';
import { readerSuite } from '../support/reader-suite';

describe('serial reference reader', () => readerSuite(serialRig));
describe('明华 mwic library (stub)', () => readerSuite(() => libRig('mwic')));
describe('德卡 dcrf library (stub)', () => readerSuite(() => libRig('dcrf')));
