/**
 * 零散报装 (small installation applications): 受理 → 查勘 → 方案与收费 → 施工 → 置换通气 → 开户, and 撤销 at any
 * state before 开户 with a reason. Each step is a new row (who, when, result, attachments), never an edit; a
 * step out of order is refused. Each step has a time limit in working days (Monday to Friday) from the step
 * before it; one past it is overdue. Source: the hall handbook (../shared/seed/), 零散报装. Runtime: any.
 */

export const INSTALL_STATUSES = [
  'accepted',
  'surveyed',
  'charged',
  'built',
  'gas_on',
  'opened',
  'cancelled',
] as const;
export type InstallStatus = (typeof INSTALL_STATUSES)[number];
export const INSTALL_STATUS_ZH: Record<InstallStatus, string> = {
  accepted: '已受理',
  surveyed: '已查勘',
  charged: '已定方案并收费',
  built: '已施工',
  gas_on: '已置换通气',
  opened: '已开户',
  cancelled: '已撤销',
};

export const INSTALL_ACTIONS = ['survey', 'plan', 'build', 'gasOn', 'open', 'cancel'] as const;
export type InstallAction = (typeof INSTALL_ACTIONS)[number];
export const INSTALL_ACTION_ZH: Record<InstallAction, string> = {
  survey: '查勘',
  plan: '方案与收费',
  build: '施工',
  gasOn: '置换通气',
  open: '开户',
  cancel: '撤销',
};

/** The steps in order, each from the status before it. */
export const INSTALL_FLOW: readonly {
  action: Exclude<InstallAction, 'cancel'>;
  from: InstallStatus;
  to: InstallStatus;
}[] = [
  { action: 'survey', from: 'accepted', to: 'surveyed' },
  { action: 'plan', from: 'surveyed', to: 'charged' },
  { action: 'build', from: 'charged', to: 'built' },
  { action: 'gasOn', from: 'built', to: 'gas_on' },
  { action: 'open', from: 'gas_on', to: 'opened' },
];

export const installFinal = (s: InstallStatus) => s === 'opened' || s === 'cancelled';

/** The status after `action`, or null when the step is not allowed from `from`. */
export function nextInstallStatus(from: InstallStatus, action: InstallAction): InstallStatus | null {
  if (action === 'cancel') return installFinal(from) ? null : 'cancelled';
  const step = INSTALL_FLOW.find((s) => s.action === action);
  return step && step.from === from ? step.to : null;
}

/** The next step in order (none once final). */
export const nextInstallAction = (from: InstallStatus) =>
  INSTALL_FLOW.find((s) => s.from === from)?.action ?? null;

export const allowedInstallActions = (from: InstallStatus): InstallAction[] =>
  INSTALL_ACTIONS.filter((a) => nextInstallStatus(from, a) !== null);

/** Why `action` is refused from `from`, in the clerk's words (null when allowed). */
export function installMoveProblem(from: InstallStatus, action: InstallAction): string | null {
  if (nextInstallStatus(from, action) !== null) return null;
  if (installFinal(from)) return `该报装${INSTALL_STATUS_ZH[from]}，不能再办理；如客户仍需报装，请重新受理。`;
  const next = nextInstallAction(from);
  return `报装当前为「${INSTALL_STATUS_ZH[from]}」，不能办理「${INSTALL_ACTION_ZH[action]}」；下一步应为「${
    next ? INSTALL_ACTION_ZH[next] : '—'
  }」（报装须按 受理 → 查勘 → 方案与收费 → 施工 → 置换通气 → 开户 的顺序办理）。`;
}

/** The working days each step must be done within, counted from the step before it. */
export type InstallLimits = Record<Exclude<InstallAction, 'cancel'>, number>;
export const DEFAULT_INSTALL_LIMITS: InstallLimits = { survey: 3, plan: 5, build: 15, gasOn: 3, open: 1 };

const isWeekend = (ms: number) => {
  const d = new Date(ms).getUTCDay();
  return d === 0 || d === 6;
};

/** The day `n` working days (Monday to Friday) after `date` (YYYY-MM-DD). */
export function addWorkingDays(date: string, n: number): string {
  let ms = Date.parse(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    ms += 86_400_000;
    if (!isWeekend(ms)) left--;
  }
  return new Date(ms).toISOString().slice(0, 10);
}
