/**
 * The time limits the company sets for the service desk (服务时限), kept in the counter's settings (a 班长 or
 * the administrator sets them at the counter: serviceLimits.save, op settings.serviceLimits): the working days
 * each 零散报装 step must be done within, and the 安检 period in days. Defaults until set. Runtime: Node.
 */
import { DEFAULT_INSPECTION_PERIOD_DAYS } from '../../core/domain/inspections';
import { DEFAULT_INSTALL_LIMITS, type InstallLimits } from '../../core/domain/installations';
import { getSetting } from '../../db';
import type { App } from '../app';

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
