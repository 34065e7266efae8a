/**
 * Every error that crosses a boundary (IPC, HTTP, CLI) has a stable code, an HTTP-like status and a polite
 * message in Chinese (and English). Runtime: any.
 */
interface ErrorSpec {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
}

export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '填写的内容有误，请按提示修改后再提交。',
    en: 'Some fields are invalid; please correct them and try again.',
  },
  MALFORMED_REQUEST: {
    status: 400,
    zh: '请求格式不正确，请刷新页面后重试。',
    en: 'The request is malformed; please reload and try again.',
  },
  UNKNOWN_OPERATION: {
    status: 404,
    zh: '没有这项业务操作，请确认程序版本。',
    en: 'There is no such operation; please check the application version.',
  },
  UNAUTHORIZED: {
    status: 401,
    zh: '访问令牌缺失或不正确，请使用启动时给出的地址打开。',
    en: 'The access token is missing or wrong; open the address printed at start-up.',
  },
  FORBIDDEN_ORIGIN: {
    status: 403,
    zh: '请求来源不被允许。',
    en: 'Requests from this origin are not allowed.',
  },
  NOT_LOGGED_IN: { status: 401, zh: '请先登录。', en: 'Please log in first.' },
  SESSION_LOCKED: {
    status: 423,
    zh: '屏幕已锁定，请输入密码解锁。',
    en: 'The screen is locked; enter your password to unlock.',
  },
  BAD_CREDENTIALS: {
    status: 401,
    zh: '用户名或密码不正确，请重新输入。',
    en: 'Wrong user name or password; please try again.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '该账号因多次密码错误已被暂时锁定，请稍后再试或联系管理员解锁。',
    en: 'This account is locked after repeated wrong passwords; try later or ask an administrator.',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    zh: '该账号已停用，请联系管理员。',
    en: 'This account is disabled; please contact an administrator.',
  },
  PERMISSION_DENIED: {
    status: 403,
    zh: '您的岗位无权办理此项业务，请联系班长。',
    en: 'Your role may not do this; please ask a supervisor.',
  },
  APPROVAL_REQUIRED: {
    status: 403,
    zh: '此项业务需要班长审批，请班长输入账号和密码。',
    en: 'This needs a supervisor’s approval; a supervisor must enter their credentials.',
  },
  APPROVAL_INVALID: {
    status: 403,
    zh: '审批人账号或密码不正确，或审批人无审批权限。',
    en: 'The approver’s credentials are wrong or the approver may not approve this.',
  },
  SETUP_REQUIRED: {
    status: 409,
    zh: '本柜台尚未初始化，请先填写网点、柜台和管理员信息。',
    en: 'This counter is not set up yet; enter the hall, counter and administrator first.',
  },
  ALREADY_SET_UP: { status: 409, zh: '本柜台已经初始化过了。', en: 'This counter is already set up.' },
  NOT_FOUND: { status: 404, zh: '没有找到对应的记录。', en: 'No such record.' },
  CUSTOMER_NOT_FOUND: {
    status: 404,
    zh: '没有找到该用户，请核对用户编号。',
    en: 'No such customer; please check the account number.',
  },
  DUPLICATE_ACCOUNT_NO: {
    status: 409,
    zh: '该用户编号已存在，请核对后重新输入。',
    en: 'This account number already exists.',
  },
  DUPLICATE_METER_NO: {
    status: 409,
    zh: '该表号已登记在其他用户名下，请核对表号。',
    en: 'This meter number is already registered to another customer.',
  },
  DUPLICATE_USERNAME: { status: 409, zh: '该登录名已被使用，请换一个。', en: 'This user name is taken.' },
  ILLEGAL_STATUS_TRANSITION: {
    status: 409,
    zh: '当前状态下不能办理此项业务。',
    en: 'This is not allowed in the customer’s current status.',
  },
  STALE_RECORD: {
    status: 409,
    zh: '该记录刚被其他人修改过，请刷新后重新办理。',
    en: 'The record was changed meanwhile; reload and try again.',
  },
  NOTHING_CHANGED: { status: 400, zh: '没有需要保存的修改。', en: 'There is nothing to save.' },
  DATABASE_INCOMPATIBLE: {
    status: 500,
    zh: '数据库版本与本程序不匹配，请联系技术人员。',
    en: 'The database does not match this application version.',
  },
  INTERNAL: {
    status: 500,
    zh: '系统出了点问题，业务未办理成功，请稍后重试；如仍不行请联系技术人员。',
    en: 'Something went wrong and nothing was saved; please retry or call support.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** A field-level problem, e.g. { path: ['idNumber'], code: 'RESIDENT_ID_INVALID', message: '…' }. */
export interface FieldIssue {
  readonly path: (string | number)[];
  readonly code: string;
  readonly message: string;
}

/** What crosses the boundary: never a stack trace. */
export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly messageEn: string;
  readonly issues?: FieldIssue[];
  readonly detail?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  readonly detail?: string;

  constructor(code: ErrorCode, opts: { issues?: FieldIssue[]; detail?: string } = {}) {
    super(`${code}: ${ERRORS[code].en}${opts.detail ? ` (${opts.detail})` : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.issues = opts.issues;
    this.detail = opts.detail;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  toBody(): ErrorBody {
    const spec = ERRORS[this.code];
    return {
      code: this.code,
      message: spec.zh,
      messageEn: spec.en,
      issues: this.issues,
      detail: this.detail,
    };
  }
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERRORS, code);
}
