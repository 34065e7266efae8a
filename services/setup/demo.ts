/**
 * `gasdesk serve --demo`: a working demo hall in a fresh data folder — staff with printed demo passwords,
 * ~50 households, prices, purchase limits, fee items and an invoice range — so a newcomer sees a real
 * counter at once. Runtime: Node.
 */
import type { Role } from '../../core/domain/roles';
import { putSetting } from '../../db';
import type { App } from '../app';
import { openCustomer } from '../customers/open-customer';
import { seedPriceCatalogue } from '../pricing/demo-catalogue';
import { createStaff } from '../staff/manage-staff';
import { fakeHousehold, mulberry32 } from './fake-households';
import { initializeCounter } from './initialize';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_STAFF: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'zhangli', displayName: '张丽', roles: ['clerk'] },
  { username: 'wangfang', displayName: '王芳', roles: ['cashier'] },
  { username: 'liuqiang', displayName: '刘强', roles: ['supervisor'] },
];

export async function seedDemo(
  app: App,
  households = 50,
): Promise<{ username: string; roles: Role[]; password: string }[]> {
  if (app.counter()) return [];
  const { adminId } = await initializeCounter(
    app,
    {
      hallCode: '0101',
      hallName: '东海客服中心营业厅',
      counterCode: '01',
      counterName: '1号窗口',
      admin: { username: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD },
    },
    true,
  );
  for (const s of DEMO_STAFF) await createStaff(app, adminId, { ...s, password: DEMO_PASSWORD });
  const rand = mulberry32(20261126);
  for (let i = 0; i < households; i++) openCustomer(app, adminId, fakeHousehold(rand, i));
  seedPriceCatalogue(app, adminId);
  // The demo hall prints on the training printer (inside the serve process); real halls choose theirs.
  app.transaction(() =>
    putSetting(
      app.db,
      'printer',
      JSON.stringify({ spec: 'training', width: 80, company: '东海中石油昆仑燃气有限公司' }),
    ),
  );
  return [{ username: 'admin', roles: ['admin'] as Role[] }, ...DEMO_STAFF].map((s) => ({
    username: s.username,
    roles: s.roles,
    password: DEMO_PASSWORD,
  }));
}
