/**
 * Password hashes: scrypt at 2^15 in use; a lower cost only where the test runner asks for it, never below 2^10;
 * a stored hash is checked at the cost it names.
 */
import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, scryptLogN, verifyPassword } from './password';

describe('password hashes', () => {
  it('cost 2^15 outside the test runner, whatever the variable says', () => {
    expect(scryptLogN({})).toBe(15);
    expect(scryptLogN({ GASDESK_TEST_SCRYPT_LOG_N: '10' })).toBe(15);
    expect(scryptLogN({ VITEST: 'true', GASDESK_TEST_SCRYPT_LOG_N: '10' })).toBe(10);
    expect(scryptLogN({ VITEST: 'true', GASDESK_TEST_SCRYPT_LOG_N: '4' })).toBe(15);
    expect(scryptLogN({ VITEST: 'true', GASDESK_TEST_SCRYPT_LOG_N: '20' })).toBe(15);
    expect(scryptLogN({ VITEST: 'true' })).toBe(15);
  });

  it('are checked at the cost they name, and the unknown-user hash costs what a new one does', async () => {
    const saved = process.env.GASDESK_TEST_SCRYPT_LOG_N;
    try {
      delete process.env.GASDESK_TEST_SCRYPT_LOG_N;
      const strong = await hashPassword('柜台密码 1234');
      expect(strong).toMatch(/^scrypt\$15\$8\$1\$/);
      process.env.GASDESK_TEST_SCRYPT_LOG_N = '10';
      const weak = await hashPassword('柜台密码 1234');
      expect(weak).toMatch(/^scrypt\$10\$8\$1\$/);
      expect(await verifyPassword('柜台密码 1234', strong)).toBe(true);
      expect(await verifyPassword('柜台密码 1234', weak)).toBe(true);
      expect(await verifyPassword('柜台密码 1235', strong)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.GASDESK_TEST_SCRYPT_LOG_N;
      else process.env.GASDESK_TEST_SCRYPT_LOG_N = saved;
    }
    expect(DUMMY_HASH.split('$')[1]).toBe(String(scryptLogN()));
  });
});
