/**
 * 零散报装 (small installation applications): accepted (受理) with who applies and what is to be installed,
 * then each step in order through core/domain/installations.ts — 查勘, 方案与收费 (the 初装费 paid through
 * sales.payFees and linked here), 施工, 置换通气 — or 撤销 with a reason; 开户 is recorded by customers.open
 * when it names the application (services/customers/open-customer.ts calls `recordInstallationOpen`). Each
 * one a new row with its attachments (stored first, see attachments.ts), its ledger operation and audit entry
 * in one transaction; refused in Chinese with nothing written otherwise. Runtime: Node.
 */
import type { Installation, OpParsedInput } from '../../core/contract';
import { dayIn } from '../../core/business-day';
import {
  addWorkingDays,
  allowedInstallActions,
  INSTALL_ACTION_ZH,
  type InstallAction,
  installFinal,
  installMoveProblem,
  type InstallStatus,
  nextInstallAction,
  nextInstallStatus,
} from '../../core/domain/installations';
import { sniffAttachment } from '../../core/domain/attachments';
import { AppError } from '../../core/errors';
import type { AttachmentRef } from '../../core/sync/ops/installation-ops';
import {
  findInstallation,
  findSale,
  type InstallationRow,
  type InstallationStepRow,
  insertInstallation,
  insertInstallationStep,
  installationStepsOf,
  isAttachmentUploaded,
  listInstallations,
  takeNumber,
} from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';
import { linkedFee } from './acceptances';
import { readAttachment, storeAttachments } from './attachments';
import { partyOf, readableNo, staffRef } from './party';
import { serviceLimits } from './service-limits';
import { refused } from './work-orders';

const statusOf = (steps: readonly InstallationStepRow[]): InstallStatus =>
  (steps.at(-1)?.statusAfter as InstallStatus | undefined) ?? 'accepted';

const refsOf = (json: string) => JSON.parse(json) as AttachmentRef[];

export function toInstallations(app: App, rows: readonly InstallationRow[]): Installation[] {
  const byId = new Map<string, InstallationStepRow[]>();
  for (const s of installationStepsOf(
    app.db,
    rows.map((r) => r.id),
  ))
    byId.set(s.installationId, [...(byId.get(s.installationId) ?? []), s]);
  const limits = serviceLimits(app).install;
  const zone = app.timeZone();
  const today = dayIn(zone, app.clock.nowMs());
  const view = (a: AttachmentRef) => ({ ...a, uploaded: isAttachmentUploaded(app.db, a.sha256) });
  return rows.map((r) => {
    const steps = byId.get(r.id) ?? [];
    const status = statusOf(steps);
    const next = installFinal(status) ? null : nextInstallAction(status);
    const since = steps.at(-1)?.at ?? r.createdAt;
    const dueBy = next ? addWorkingDays(dayIn(zone, Date.parse(since)), limits[next]) : null;
    return {
      id: r.id,
      no: r.no,
      party: {
        customerId: r.customerId,
        accountNo: r.accountNo,
        name: r.name,
        phone: r.phone,
        address: r.address,
      },
      request: r.request,
      status,
      next,
      dueBy,
      overdue: dueBy !== null && today > dueBy,
      allowed: allowedInstallActions(status),
      attachments: refsOf(r.attachments).map(view),
      steps: steps.map((s) => {
        const sale = s.saleId ? findSale(app.gdb.sqlite, s.saleId) : undefined;
        return {
          id: s.id,
          stepNo: s.stepNo,
          action: s.action as InstallAction,
          statusAfter: s.statusAfter as InstallStatus,
          result: s.result,
          sale: sale ? { id: sale.id, receiptNo: sale.receiptNo, amount: sale.amount } : null,
          customerId: s.customerId,
          attachments: refsOf(s.attachments).map(view),
          operator: staffRef(app, s.operatorId),
          at: s.at,
        };
      }),
      operator: staffRef(app, r.operatorId),
      createdAt: r.createdAt,
    };
  });
}

export function loadInstallation(app: App, id: string): Installation {
  const r = findInstallation(app.db, id);
  if (!r) throw new AppError('NOT_FOUND', { detail: 'installation' });
  return toInstallations(app, [r])[0]!;
}

export function applyInstallation(
  app: App,
  operatorId: string,
  input: OpParsedInput<'installations.apply'>,
): Installation {
  const id = app.newId();
  partyOf(app, input); // an unknown customer is refused before any file is written
  const attachments = storeAttachments(app, input.attachments);
  app.transaction(() => {
    const party = partyOf(app, input);
    const row: InstallationRow = {
      id,
      no: readableNo(app, 'BZ', takeNumber(app.gdb.sqlite, 'installation')),
      ...party,
      request: input.request,
      attachments: JSON.stringify(attachments),
      operatorId,
      createdAt: app.nowIso(),
    };
    insertInstallation(app.db, row);
    const { operatorId: _o, createdAt: _c, attachments: _a, ...payload } = row;
    app.ledger().append({
      type: 'installation.applied',
      payload: { ...payload, attachments },
      operatorId,
      audit: {
        action: 'installation.applied',
        summary: `零散报装受理 ${row.no}：${party.name}，${party.address}；${input.request}${
          attachments.length ? `（附件 ${attachments.length} 个）` : ''
        }`,
      },
    });
  });
  return loadInstallation(app, id);
}

interface StepInput {
  result: string;
  saleId?: string;
  customerId?: string;
  attachments: AttachmentRef[];
}

/**
 * What a step needs, checked against the application (refused when out of order, or 方案与收费 without its
 * 初装费 payment): run before any attachment is written, and again inside the transaction.
 */
function checkStep(app: App, id: string, action: InstallAction, saleId: string | undefined) {
  const r = findInstallation(app.db, id);
  if (!r) throw refused('installationId', 'NOT_FOUND', '没有这件零散报装');
  const steps = installationStepsOf(app.db, [id]);
  const from = statusOf(steps);
  const to = nextInstallStatus(from, action);
  if (to === null)
    throw new AppError(installFinal(from) ? 'INSTALLATION_CLOSED' : 'INSTALLATION_STEP_NOT_ALLOWED', {
      detail: installMoveProblem(from, action) ?? undefined,
      fields: { status: from, action },
    });
  if (action === 'plan' && !saleId)
    throw refused('saleId', 'FEE_REQUIRED', '方案与收费须关联初装费的收费记录：请先在收费页收取初装费');
  const sale = linkedFee(app, saleId, r.customerId);
  return { r, steps, from, to, sale };
}

/** Records one step inside the caller's transaction (refused with nothing written when out of order). */
export function recordInstallationStep(
  app: App,
  operatorId: string,
  id: string,
  action: InstallAction,
  input: StepInput,
): void {
  const { r, steps, from, to, sale } = checkStep(app, id, action, input.saleId);
  const step: InstallationStepRow = {
    id: app.newId(),
    installationId: id,
    stepNo: steps.length + 1,
    action,
    statusAfter: to,
    result: input.result,
    saleId: sale?.id ?? null,
    customerId: input.customerId ?? null,
    attachments: JSON.stringify(input.attachments),
    operatorId,
    at: app.nowIso(),
  };
  insertInstallationStep(app.db, step);
  const { id: _i, operatorId: _o, at: _a, attachments: _t, ...rest } = step;
  app.ledger().append({
    type: 'installation.stepped',
    payload: { ...rest, action, statusAfter: to, attachments: input.attachments },
    operatorId,
    audit: {
      action: 'installation.stepped',
      summary: `零散报装 ${r.no}：${INSTALL_ACTION_ZH[action]}${sale ? `（收费 ${sale.receiptNo}）` : ''}${
        input.attachments.length ? `（附件 ${input.attachments.length} 个）` : ''
      }`,
      reason: input.result || null,
      changes: [{ field: 'status', before: from, after: to }],
    },
  });
}

export function stepInstallation(
  app: App,
  operatorId: string,
  input: OpParsedInput<'installations.step'>,
): Installation {
  checkStep(app, input.id, input.action, input.saleId);
  const attachments = storeAttachments(app, input.attachments);
  app.transaction(() =>
    recordInstallationStep(app, operatorId, input.id, input.action, {
      result: input.result,
      saleId: input.saleId,
      attachments,
    }),
  );
  return loadInstallation(app, input.id);
}

/** 开户 of an application (inside customers.open's transaction): the customer just opened. */
export function recordInstallationOpen(
  app: App,
  operatorId: string,
  id: string,
  customerId: string,
  accountNo: string,
) {
  recordInstallationStep(app, operatorId, id, 'open', {
    result: `开户 ${accountNo}`,
    customerId,
    attachments: [],
  });
}

export const installationsApply: Handlers['installations.apply'] = (input, call) =>
  applyInstallation(call.app, operatorOf(call).staffId, input);

export const installationsStep: Handlers['installations.step'] = (input, call) =>
  stepInstallation(call.app, operatorOf(call).staffId, input);

export const installationsGet: Handlers['installations.get'] = (input, { app }) =>
  loadInstallation(app, input.id);

export const installationsList: Handlers['installations.list'] = (input, { app }) => ({
  items: toInstallations(
    app,
    listInstallations(app.db, {
      customerId: input.customerId,
      statuses: input.open ? ['accepted', 'surveyed', 'charged', 'built', 'gas_on'] : undefined,
      limit: input.limit,
    }),
  ),
});

export const installationsAttachment: Handlers['installations.attachment'] = (input, { app }) => {
  const bytes = readAttachment(app, input.sha256);
  if (!bytes) throw new AppError('NOT_FOUND', { detail: 'attachment' });
  return {
    sha256: input.sha256,
    mime: sniffAttachment(bytes) ?? 'application/pdf',
    data: bytes.toString('base64'),
  };
};
