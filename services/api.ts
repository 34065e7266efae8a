/**
 * The composition root: one handler per contract operation, and the dispatcher every transport calls
 * (Electron IPC, `gasdesk serve` HTTP, tests). It validates input, checks setup, session, lock and role,
 * runs the use case, validates output, and turns every failure into an ErrorBody — never a stack trace.
 * Runtime: Node.
 */
import { contract, isOpName, type OpName, requestIdSchema, toFieldIssues } from '../core/contract';
import { hasAnyRole } from '../core/domain/roles';
import { AppError } from '../core/errors';
import type { App } from './app';
import { changePassword } from './auth/change-password';
import { lock, login, logout, me, unlock } from './auth/login';
import { type Call, type Handlers, LOCAL_TERMINAL } from './call';
import { type Answer, once } from './requests/once';
import { customersAddMeter } from './customers/add-meter';
import { customersChangeStatus } from './customers/change-status';
import { customersOpen } from './customers/open-customer';
import { customersGet, customersHistory, customersSearch } from './customers/read-customers';
import { customersTransfer } from './customers/transfer-customer';
import { customersFetchOtherHall, customersLookupOtherHalls } from './customers/other-halls';
import { customersUpdate } from './customers/update-customer';
import { cardHandlers } from './cards/handlers';
import { cashHandlers } from './cash/handlers';
import { idCardHandlers } from './idcard/handlers';
import { printingHandlers } from './printing/print-ops';
import { reportsRun } from './reports/run-report';
import { salesHandlers } from './sales/handlers';
import { serviceDeskHandlers } from './service-desk/handlers';
import { syncHandlers } from './sync/handlers';
import { setupInitialize, setupStatus } from './setup/initialize';
import {
  staffCreate,
  staffList,
  staffResetPassword,
  staffSetActive,
  staffSetRoles,
} from './staff/manage-staff';
import {
  backupsList,
  backupsRun,
  ledgerVerify,
  loadSettings,
  settingsGet,
  settingsUpdate,
  systemInfo,
} from './system/system-ops';

export const handlers: Handlers = {
  'system.info': systemInfo,
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
  'ledger.verify': ledgerVerify,
  'backups.list': backupsList,
  'backups.run': backupsRun,
  'setup.status': setupStatus,
  'setup.initialize': setupInitialize,
  'auth.login': login,
  'auth.me': me,
  'auth.logout': logout,
  'auth.lock': lock,
  'auth.unlock': unlock,
  'auth.changePassword': changePassword,
  'staff.list': staffList,
  'staff.create': staffCreate,
  'staff.resetPassword': staffResetPassword,
  'staff.setRoles': staffSetRoles,
  'staff.setActive': staffSetActive,
  'customers.open': customersOpen,
  'customers.get': customersGet,
  'customers.lookupOtherHalls': customersLookupOtherHalls,
  'customers.fetchOtherHall': customersFetchOtherHall,
  'customers.history': customersHistory,
  'customers.search': customersSearch,
  'customers.update': customersUpdate,
  'customers.changeStatus': customersChangeStatus,
  'customers.transfer': customersTransfer,
  'customers.addMeter': customersAddMeter,
  ...salesHandlers,
  ...cashHandlers,
  ...cardHandlers,
  ...printingHandlers,
  'reports.run': reportsRun,
  ...serviceDeskHandlers,
  ...syncHandlers,
  ...idCardHandlers,
};

/** Operations that still answer while the screen is locked. */
const WHILE_LOCKED: ReadonlySet<OpName> = new Set([
  'auth.me',
  'auth.unlock',
  'auth.logout',
  'auth.lock',
  'system.info',
]);
const BEFORE_SETUP: ReadonlySet<OpName> = new Set(['system.info', 'setup.status', 'setup.initialize']);

export type InvokeResult = Answer;

export interface InvokeMeta {
  readonly sessionId?: string;
  /** Who is calling, as the transport knows it (HTTP: address and session header; IPC: the window). */
  readonly terminal?: string;
}

export interface Dispatcher {
  invoke(name: string, rawInput: unknown, meta?: InvokeMeta): Promise<InvokeResult>;
}

type Log = (msg: string, err: unknown) => void;

export function createDispatcher(app: App, log: Log = defaultLog): Dispatcher {
  loadSettingsIfReady(app);
  const failure = (e: unknown, name: string): Answer => {
    const err = e instanceof AppError ? e : internal(e, name, log);
    return { ok: false, status: err.status, error: err.toBody() };
  };
  return {
    async invoke(name, rawInput, meta = {}) {
      try {
        const call = admit(app, name, rawInput, meta);
        const execute = async (): Promise<Answer> => {
          try {
            return { ok: true, result: await run(app, call) };
          } catch (e) {
            return failure(e, name);
          }
        };
        if (!call.requestId) return await execute();
        const staffId = call.session?.staffId ?? null;
        return await once(app, { op: name, requestId: call.requestId, staffId, input: call.input }, execute);
      } catch (e) {
        return failure(e, name);
      }
    },
  };
}

function loadSettingsIfReady(app: App) {
  if (app.counter()) loadSettings(app);
}

interface Admitted {
  readonly name: OpName;
  readonly session: Call['session'];
  readonly terminal: string;
  readonly input: unknown;
  /** For a writing operation: the caller's id of this request (one effect however often it arrives). */
  readonly requestId?: string;
}

/** Everything checked before an operation runs: its name, set-up, session, lock, role, input. */
function admit(app: App, name: string, rawInput: unknown, meta: InvokeMeta): Admitted {
  if (!isOpName(name)) throw new AppError('UNKNOWN_OPERATION', { detail: name.slice(0, 80) });
  const def = contract[name];
  if (!BEFORE_SETUP.has(name) && !app.counter()) throw new AppError('SETUP_REQUIRED');
  let session: Call['session'];
  if (def.access !== 'public') {
    session = app.sessions.get(meta.sessionId);
    if (!session) throw new AppError('NOT_LOGGED_IN');
    if (session.locked && !WHILE_LOCKED.has(name)) throw new AppError('SESSION_LOCKED');
    if (def.access !== 'session' && !hasAnyRole(session.roles, def.access))
      throw new AppError('PERMISSION_DENIED');
  }
  const { requestId, rest } = splitRequestId(rawInput ?? {});
  const parsed = def.input.safeParse(rest);
  const id = def.writes ? requestIdSchema.safeParse(requestId) : undefined;
  const issues = [
    ...(parsed.success ? [] : toFieldIssues(parsed.error)),
    ...(id && !id.success ? toFieldIssues(id.error).map((i) => ({ ...i, path: ['requestId'] })) : []),
  ];
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
  return {
    name,
    session,
    terminal: meta.terminal ?? LOCAL_TERMINAL,
    input: parsed.data,
    requestId: id?.data,
  };
}

function splitRequestId(raw: unknown): { requestId: unknown; rest: unknown } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('requestId' in raw))
    return { requestId: undefined, rest: raw };
  const { requestId, ...rest } = raw as Record<string, unknown>;
  return { requestId, rest };
}

async function run(app: App, call: Admitted): Promise<unknown> {
  const handler = handlers[call.name] as (input: unknown, call: Call) => unknown;
  const result = await handler(call.input, { app, session: call.session, terminal: call.terminal });
  return contract[call.name].output.parse(result);
}

function internal(e: unknown, name: string, log: (msg: string, err: unknown) => void): AppError {
  const sqliteCode = (e as { code?: unknown }).code;
  if (sqliteCode === 'SQLITE_CONSTRAINT_UNIQUE') {
    const msg = String((e as Error).message);
    if (msg.includes('account_no')) return new AppError('DUPLICATE_ACCOUNT_NO');
    if (msg.includes('meter_no')) return new AppError('DUPLICATE_METER_NO');
  }
  log(`operation ${name} failed`, e);
  return new AppError('INTERNAL');
}

function defaultLog(msg: string, err: unknown) {
  process.stderr.write(
    `[gasdesk] ${msg}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
}
