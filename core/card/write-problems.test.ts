import { describe, expect, it } from 'vitest';
import { ERRORS } from '../errors';
import {
  classifyWriteReason,
  problemCause,
  problemText,
  WRITE_PROBLEM_CODES,
  WRITE_PROBLEMS,
} from './write-problems';

describe('card write problems: one code, a Chinese cause and the next step', () => {
  it('reads the reader’s raw words into a code, never passing them on', () => {
    const raw = classifyWriteReason('写卡失败：reader: PSC_WRONG (tries left 2)');
    expect(raw).toEqual({ code: 'CARD_PSC_WRONG', triesLeft: 2 });
    expect(problemText(raw)).toMatch(/剩余 2 次/);
    expect(problemText(raw)).not.toMatch(/reader|PSC_WRONG/);
    expect(classifyWriteReason('写卡失败：reader: WRITE_NOT_CONFIRMED').code).toBe('WRITE_NOT_CONFIRMED');
    expect(classifyWriteReason('写卡出错：reader: TIMEOUT').code).toBe('READER_UNAVAILABLE');
    expect(classifyWriteReason('卡密码只剩最后一次机会，未写卡').code).toBe('CARD_LAST_TRY');
    expect(classifyWriteReason('写卡时卡被拔出，结果待重新读卡确认').code).toBe('CARD_PULLED');
    expect(classifyWriteReason('写卡前中断（未写入任何卡）').code).toBe('INTERRUPTED');
    expect(classifyWriteReason(ERRORS.CARD_WRONG_CUSTOMER.zh).code).toBe('CARD_WRONG_CUSTOMER');
    expect(classifyWriteReason(ERRORS.CARD_GAS_PENDING.zh).code).toBe('CARD_GAS_PENDING');
    expect(classifyWriteReason('something nobody foresaw').code).toBe('CARD_WRITE_FAILED');
  });

  it('reads back every cause it stores as the same problem', () => {
    for (const code of WRITE_PROBLEM_CODES) {
      const p = code === 'CARD_PSC_WRONG' ? { code, triesLeft: 1 } : { code };
      expect(classifyWriteReason(problemCause(p)), code).toEqual(p);
    }
  });

  it('says every problem in Chinese with a next step', () => {
    for (const code of WRITE_PROBLEM_CODES) {
      const text = problemText({ code, triesLeft: 2 });
      expect(text, code).not.toMatch(/[A-Za-z]{3,}/);
      expect(WRITE_PROBLEMS[code].hint, code).toMatch(/重新写卡|补卡|退款|班长|读卡|插表/);
    }
  });
});
