/**
 * The business-type catalogue: the built-in types (core/domain/service-desk.ts) with every change a 班长 or the
 * administrator saved, each a new version of its type (service_types is append-only). Runtime: Node.
 */
import type { BusinessTypeView } from '../../core/contract';
import { DEFAULT_BUSINESS_TYPES } from '../../core/domain/service-desk';
import { insertServiceType, latestServiceTypes } from '../../db';
import type { App } from '../app';
import { type Handlers, operatorOf } from '../call';

/** Every type, built-in order first, then the counter's own in code order. */
export function businessTypes(app: App): BusinessTypeView[] {
  const saved = new Map(latestServiceTypes(app.db).map((r) => [r.code, r]));
  const view = (code: string): BusinessTypeView | undefined => {
    const s = saved.get(code);
    if (s) return { code, name: s.name, prepare: s.prepare, active: s.active, version: s.version };
    const d = DEFAULT_BUSINESS_TYPES.find((t) => t.code === code);
    return d && { ...d, version: 0 };
  };
  const builtIn = DEFAULT_BUSINESS_TYPES.map((t) => t.code);
  const own = [...saved.keys()].filter((c) => !builtIn.includes(c)).sort();
  return [...builtIn, ...own].map((c) => view(c)!);
}

export function businessType(app: App, code: string): BusinessTypeView | undefined {
  return businessTypes(app).find((t) => t.code === code);
}

export const serviceTypesList: Handlers['serviceTypes.list'] = (_input, { app }) => ({
  items: businessTypes(app),
});

export const serviceTypesSave: Handlers['serviceTypes.save'] = (input, call) => {
  const { app } = call;
  const operatorId = operatorOf(call).staffId;
  return app.transaction(() => {
    const before = businessType(app, input.code);
    const version = (before?.version ?? 0) + 1;
    const after = { code: input.code, name: input.name, prepare: input.prepare, active: input.active };
    insertServiceType(app.db, {
      id: app.newId(),
      ...after,
      version,
      savedBy: operatorId,
      savedAt: app.nowIso(),
    });
    const changes = before
      ? (['name', 'prepare', 'active'] as const)
          .filter((f) => before[f] !== after[f])
          .map((f) => ({ field: f, before: before[f], after: after[f] }))
      : [{ field: 'name', before: null, after: after.name }];
    app.ledger().append({
      type: 'serviceType.saved',
      payload: { ...after, version },
      operatorId,
      audit: {
        action: 'serviceType.saved',
        summary: `${before ? '修改' : '新增'}业务类型：${after.name}（${after.code}）${after.active ? '' : '，停办'}`,
        changes,
      },
    });
    return { ...after, version };
  });
};
