/**
 * The time limits the company sets for the service desk (服务时限), kept in the counter's settings (a 班长 or
 * the administrator sets them at the counter: serviceLimits.save, op settings.serviceLimits): the working days
 * each 零散报装 step must be done within, and the 安检 period in days. Defaults until set. Runtime: Node.
 */
import { DEFAULT_INSPECTION_PERIOD_DAYS } from '../../core/domain/inspections';
import { DEFAULT_INSTALL_LIMITS, type InstallLimits } from '../../core/domain/installations';
import type { ServiceLimitsView } from '../../core/contract';
import { getSetting, putSetting } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';

export const SERVICE_LIMITS_KEY = 'serviceLimits';

export interface ServiceLimits {
  install: InstallLimits;
  inspectionPeriodDays: number;
}

export const DEFAULT_SERVICE_LIMITS: ServiceLimits = {
  install: DEFAULT_INSTALL_LIMITS,
  inspectionPeriodDays: DEFAULT_INSPECTION_PERIOD_DAYS,
};

export function serviceLimits(app: App): ServiceLimits {
  const raw = getSetting(app.db, SERVICE_LIMITS_KEY);
  if (!raw) return DEFAULT_SERVICE_LIMITS;
  const v = JSON.parse(raw) as Partial<ServiceLimits>;
  return {
    install: { ...DEFAULT_INSTALL_LIMITS, ...v.install },
    inspectionPeriodDays: v.inspectionPeriodDays ?? DEFAULT_INSPECTION_PERIOD_DAYS,
  };
}

export const serviceLimitsGet: Handlers['serviceLimits.get'] = (_input, { app }) => serviceLimits(app);

export const serviceLimitsSave: Handlers['serviceLimits.save'] = (input, call) => {
  const { app } = call;
  const before = serviceLimits(app);
  const after: ServiceLimitsView = {
    install: { ...input.install },
    inspectionPeriodDays: input.inspectionPeriodDays,
  };
  const flat = (v: ServiceLimitsView) => ({ ...v.install, inspectionPeriodDays: v.inspectionPeriodDays });
  const b = flat(before);
  const a = flat(after);
  const changes = (Object.keys(a) as (keyof typeof a)[])
    .filter((k) => a[k] !== b[k])
    .map((field) => ({ field, before: b[field], after: a[field] }));
  if (changes.length === 0) return before;
  app.transaction(() => {
    putSetting(app.db, SERVICE_LIMITS_KEY, JSON.stringify(after));
    app.ledger().append({
      type: 'settings.serviceLimits',
      payload: after,
      operatorId: operatorOf(call).staffId,
      audit: { action: 'settings.serviceLimits', summary: '修改服务时限', changes },
    });
  });
  return serviceLimits(app);
};
