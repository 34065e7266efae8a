/**
 * Why a card write did not put the gas on the card, in one place: a stable code, the cause in Chinese and the
 * clerk's next step (retry, 补卡, refund, call the 班长). Whatever the writer reported — its own Chinese, a
 * counter error's message, or a reader's raw `reader: PSC_WRONG (tries left 2)` — is read here into a code,
 * so nothing raw reaches the clerk, the receipt or the sale's `cardProblem`. Runtime: any.
 */
import { ERRORS } from '../errors';

/** What the clerk does next. */
export type NextStep = 'retry' | 'confirm' | 'reread' | 'supervisor' | 'replace' | 'meter' | 'refund';

interface Problem {
  /** What happened (stored with the sale's write; `{n}` is the card's PSC tries left). */
  readonly cause: string;
  readonly next: NextStep;
  /** The next step in the clerk's words. */
  readonly hint: string;
}

const RETRY_OR_REFUND = '重新插好用户的卡后点“重新写卡”；仍不成功请为用户退款，或联系班长。';

export const WRITE_PROBLEMS = {
  CARD_LAST_TRY: {
    cause: '卡密码只剩最后一次校验机会，未写卡。',
    next: 'confirm',
    hint: '核实是用户本人的卡后点“重新写卡”，并确认使用最后一次机会（校验失败卡将锁死）；不能确定时请联系班长，或为用户退款。',
  },
  CARD_PSC_WRONG: {
    cause: '卡密码校验未通过（剩余 {n} 次），未写卡，已记录：这张卡可能不是本系统发出的，或已被改动。',
    next: 'supervisor',
    hint: '程序不会再用这张卡尝试密码：请班长核实，班长审批后才能再试一次；否则为用户办理补卡或退款。',
  },
  CARD_PSC_FLAGGED: {
    cause: '这张卡上次密码校验未通过，已停止对它写卡。',
    next: 'supervisor',
    hint: '请班长核实这张卡，班长审批后才能再试一次；否则为用户办理补卡或退款。',
  },
  CARD_LOCKED: {
    cause: '卡密码已锁死，不能再写入。',
    next: 'replace',
    hint: '请为用户办理补卡，再在新卡上“重新写卡”；或为用户退款。',
  },
  CARD_PULLED: {
    cause: '写卡时卡被拔出，气是否已写入卡内待确认。',
    next: 'reread',
    hint: '请重新插入这张卡并读卡（F5），系统会按卡内实际内容处理；确认之前不能退款。',
  },
  NO_CARD: { cause: '写卡时读卡器里没有卡。', next: 'retry', hint: '插入用户的卡后点“重新写卡”。' },
  CARD_WRONG_CUSTOMER: {
    cause: '读卡器里的卡不是该用户的卡。',
    next: 'retry',
    hint: '换上用户本人的卡后点“重新写卡”。',
  },
  CARD_GAS_PENDING: {
    cause: '卡内上次购买的气还没有插表。',
    next: 'meter',
    hint: '请用户先把卡插到表上，再来“重新写卡”；或为用户退款。',
  },
  CARD_AHEAD: {
    cause: '卡内购气次数比本柜台记录的多（可能在其他柜台购过气），已记录冲突。',
    next: 'supervisor',
    hint: '请联系班长处理冲突（同步后再写卡），或为用户退款。',
  },
  CARD_DAMAGED: { cause: '卡内数据损坏。', next: 'replace', hint: '请为用户办理补卡，或退款。' },
  CARD_BLOCKED: {
    cause: '这张卡已挂失或已被新卡取代。',
    next: 'replace',
    hint: '请收回这张卡，在用户的新卡上“重新写卡”，或退款。',
  },
  CARD_NOT_USERS: {
    cause: '读卡器里的卡不是可用的燃气卡（空白卡或非本公司卡）。',
    next: 'retry',
    hint: '换上用户本人的燃气卡后点“重新写卡”。',
  },
  READER_UNAVAILABLE: {
    cause: '读卡器没有响应。',
    next: 'retry',
    hint: '检查读卡器的连接后点“重新写卡”；仍不行请为用户退款，或联系班长。',
  },
  WRITE_NOT_CONFIRMED: {
    cause: '写入后读回的内容不一致，卡内没有这笔气。',
    next: 'retry',
    hint: RETRY_OR_REFUND,
  },
  INTERRUPTED: {
    cause: '写卡前程序中断，这笔气没有写入任何卡。',
    next: 'retry',
    hint: '插入用户的卡后点“重新写卡”，或为用户退款。',
  },
  CARD_WRITE_FAILED: { cause: '写卡没有成功，卡内没有这笔气。', next: 'retry', hint: RETRY_OR_REFUND },
} as const satisfies Record<string, Problem>;

export type WriteProblemCode = keyof typeof WRITE_PROBLEMS;
export const WRITE_PROBLEM_CODES = Object.keys(WRITE_PROBLEMS) as [WriteProblemCode, ...WriteProblemCode[]];

export interface WriteProblem {
  readonly code: WriteProblemCode;
  readonly triesLeft?: number;
}

/** The stored cause of a problem (what a sale's write records as its reason). */
export function problemCause(p: WriteProblem): string {
  return WRITE_PROBLEMS[p.code].cause.replace('{n}', String(p.triesLeft ?? '?'));
}

/** Cause and next step: the sentence the clerk reads. */
export function problemText(p: WriteProblem): string {
  return `${problemCause(p)}${WRITE_PROBLEMS[p.code].hint}`;
}

/** Counter errors a writer may report by their message, and the problem each is. */
const BY_ERROR: readonly [keyof typeof ERRORS, WriteProblemCode][] = [
  ['CARD_LAST_TRY', 'CARD_LAST_TRY'],
  ['CARD_LOCKED', 'CARD_LOCKED'],
  ['NO_CARD', 'NO_CARD'],
  ['CARD_WRONG_CUSTOMER', 'CARD_WRONG_CUSTOMER'],
  ['CARD_GAS_PENDING', 'CARD_GAS_PENDING'],
  ['CARD_AHEAD', 'CARD_AHEAD'],
  ['CARD_DAMAGED', 'CARD_DAMAGED'],
  ['CARD_BLOCKED', 'CARD_BLOCKED'],
  ['CARD_BLANK', 'CARD_NOT_USERS'],
  ['CARD_FOREIGN', 'CARD_NOT_USERS'],
  ['CARD_UNKNOWN', 'CARD_NOT_USERS'],
  ['NO_ACTIVE_CARD', 'CARD_BLOCKED'],
  ['READER_UNAVAILABLE', 'READER_UNAVAILABLE'],
  ['CARD_WRITE_UNCERTAIN', 'CARD_PULLED'],
];

/** Raw reader codes and the writer's own words, most specific first. */
const PATTERNS: readonly [RegExp, WriteProblemCode][] = [
  [/LAST_TRY|最后一次/, 'CARD_LAST_TRY'],
  [/CARD_LOCKED|锁死/, 'CARD_LOCKED'],
  [/拔出|uncertain/i, 'CARD_PULLED'],
  [/WRITE_NOT_CONFIRMED|读回|回读/, 'WRITE_NOT_CONFIRMED'],
  [/NO_CARD|没有卡/, 'NO_CARD'],
  [/TIMEOUT|DISCONNECTED|FRAME_ERROR|UNKNOWN_COMMAND|读卡器/, 'READER_UNAVAILABLE'],
  [/中断/, 'INTERRUPTED'],
];

/** Reads whatever a writer stored or reported as the reason a write failed. */
export function classifyWriteReason(reason: string | null | undefined): WriteProblem {
  const r = reason ?? '';
  const psc = /PSC_WRONG(?: \(tries left (\d)\))?|密码校验未通过（剩余 (\d|\?) 次）/.exec(r);
  if (psc) {
    const n = Number(psc[1] ?? psc[2]);
    return Number.isInteger(n) ? { code: 'CARD_PSC_WRONG', triesLeft: n } : { code: 'CARD_PSC_WRONG' };
  }
  for (const [code, p] of Object.entries(WRITE_PROBLEMS) as [WriteProblemCode, Problem][])
    if (!p.cause.includes('{n}') && r.startsWith(p.cause)) return { code };
  for (const [error, code] of BY_ERROR) if (r.includes(ERRORS[error].zh)) return { code };
  for (const [re, code] of PATTERNS) if (re.test(r)) return { code };
  return { code: 'CARD_WRITE_FAILED' };
}
