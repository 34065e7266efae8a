/**
 * 零散报装 at head office: an application is the hall's — a customer it names must be the hall's, its id new;
 * its steps come only from a counter of the application's hall, in order (step n + 1 after step n), each a
 * move core/domain/installations.ts allows — so an opened or cancelled application is not changed at head office
 * either; 开户 names a customer of the hall. Runtime: Node.
 */
import { type InstallStatus, nextInstallStatus } from '../../../core/domain/installations';
import { APPLIED, isQuarantine, quarantine } from '../world';
import type { Rule } from './rule';
import { moveOn, newRecord, putRecord } from './service';

export const installationApplied: Rule<'installation.applied'> = {
  check: (w, op) => newRecord(w, op.read.data.id, op.read.data.customerId),
  apply(w, op) {
    putRecord(w, op, 'installation', op.read.data);
    return APPLIED;
  },
};

export const installationStepped: Rule<'installation.stepped'> = {
  check(w, op) {
    const s = op.read.data;
    const r = w.ownRecord(s.installationId, 'installation', '零散报装');
    if (isQuarantine(r)) return r;
    if (s.stepNo !== r.stepCount + 1)
      return quarantine(
        'STEP_OUT_OF_ORDER',
        `零散报装 ${r.no} 的第 ${s.stepNo} 步不接续总部所记的第 ${r.stepCount} 步`,
      );
    const to = nextInstallStatus(r.status as InstallStatus, s.action);
    if (to === null || to !== s.statusAfter)
      return quarantine('STEP_OUT_OF_ORDER', `零散报装 ${r.no} 当前为 ${r.status}，不能 ${s.action}`);
    if (s.action === 'open') {
      if (!s.customerId) return quarantine('PAYLOAD_INVALID', `零散报装 ${r.no} 的开户没有写明用户`);
      const c = w.ownCustomer(s.customerId);
      if (isQuarantine(c)) return c;
    }
    return null;
  },
  apply(w, op) {
    const s = op.read.data;
    moveOn(w, op, w.serviceRecords.get(s.installationId)!, (r) => {
      r.status = s.statusAfter;
      r.stepCount = s.stepNo;
      r.data = {
        ...r.data,
        steps: [...(r.data.steps ?? []), { ...s, operatorId: op.operatorId, at: op.createdAt }],
      };
    });
    return APPLIED;
  },
};
