/**
 * The training panel of `gasdesk serve --demo`: blank cards, the reader slot, the customers' meters and a
 * "use gas" control, all in-process, so a newcomer can do the whole card cycle in a browser. Meters are
 * installed on first use under the meter number given. Runtime: Node.
 */
import type { TrainingState } from '../../core/contract';
import { formatCubicMetres } from '../../core/quantities';
import { AppError } from '../../core/errors';
import { type TrainingWorld, WorldError } from '../../drivers/emulator/world';
import type { App } from '../app';
import type { Handlers } from '../call';

/** The last thing that happened in each training world, for the panel. */
const lastEvents = new WeakMap<TrainingWorld, string | null>();

function world(app: App): TrainingWorld {
  const w = app.cardStation?.world;
  if (!w) throw new AppError('DEMO_ONLY');
  return w;
}

function summary(r: ReturnType<TrainingWorld['view']>['record']): string {
  if (r.state === 'blank') return '空白卡';
  if (r.state !== 'ok') return r.state === 'foreign' ? '非本公司卡' : '卡已损坏';
  const p = r.purchase;
  return `${r.header.cardNo.slice(-6)} 用户 ${r.header.accountNo} 第${p?.count ?? 0}次 ${p ? `${formatCubicMetres(p.volume)}m³` : ''}${r.pending ? ' 未入表' : ''}`;
}

function state(app: App): TrainingState {
  const s = world(app).state();
  return {
    slot: s.slot,
    cards: s.cards.map((c) => ({
      id: c.id,
      label: c.record.state === 'ok' ? (c.record.header.kind === 'user' ? '燃气卡' : '工具卡') : c.label,
      inReader: c.inReader,
      triesLeft: c.triesLeft,
      locked: c.locked,
      summary: summary(c.record),
      cardNo: c.record.state === 'ok' ? c.record.header.cardNo : null,
      accountNo: c.record.state === 'ok' && c.record.header.accountNo ? c.record.header.accountNo : null,
    })),
    meters: s.meters.map((m) => ({
      meterNo: m.meterNo,
      remaining: m.remaining,
      cumulativeUsed: m.cumulativeUsed,
      valveOpen: m.valveOpen,
      lastLoadedCount: m.lastLoadedCount,
      boundCardNo: m.boundCardNo,
    })),
    lastEvent: lastEvents.get(world(app)) ?? null,
  };
}

function act(app: App, fn: (w: TrainingWorld) => string | undefined): TrainingState {
  const w = world(app);
  try {
    lastEvents.set(w, fn(w) ?? null);
  } catch (e) {
    if (e instanceof WorldError) lastEvents.set(w, `操作未完成：${e.message}`);
    else throw e;
  }
  return state(app);
}

const OUTCOME_ZH = { loaded: '已入表', 'nothing-to-load': '卡内没有新的气', tool: '工具卡已处理' } as const;

export const trainingHandlers: Pick<
  Handlers,
  | 'training.state'
  | 'training.newCard'
  | 'training.insert'
  | 'training.remove'
  | 'training.toMeter'
  | 'training.useGas'
  | 'training.cardFault'
> = {
  'training.state': (_i, { app }) => state(app),
  'training.newCard': (_i, { app }) => act(app, (w) => `拿到一张新空白卡 ${w.newCard().id}`),
  'training.insert': (i, { app }) =>
    act(app, (w) => {
      w.insert(i.cardId);
      return i.cardId === 'foreign' ? '一张不是燃气卡的卡已插入读卡器' : `卡 ${i.cardId} 已插入读卡器`;
    }),
  'training.remove': (_i, { app }) =>
    act(app, (w) => {
      w.remove();
      return '已从读卡器取出卡';
    }),
  'training.toMeter': (i, { app }) =>
    act(app, (w) => {
      if (!w.state().meters.some((m) => m.meterNo === i.meterNo))
        w.addMeter({ meterNo: i.meterNo, region: app.cardStation!.region });
      const { outcome, meter } = w.carryToMeter(i.cardId, i.meterNo);
      if (outcome.result === 'refused') return `表具拒绝这张卡（${outcome.reason}）`;
      const what =
        outcome.result === 'loaded'
          ? `${OUTCOME_ZH.loaded} ${formatCubicMetres(outcome.volume)} m³`
          : OUTCOME_ZH[outcome.result];
      return `卡插入表 ${i.meterNo}：${what}，表内剩余 ${formatCubicMetres(meter.remaining)} m³`;
    }),
  'training.cardFault': (i, { app }) =>
    act(app, (w) => {
      const said: string[] = [];
      if (i.wrongPsc) said.push('密码改为与本系统不符');
      if (i.triesLeft !== undefined) said.push(`密码剩余 ${i.triesLeft} 次`);
      w.cardFault(i.cardId, { wrongPsc: i.wrongPsc, triesLeft: i.triesLeft });
      if (i.pullOnNextWrite) {
        w.setFaults({ pullBeforeNextWrite: true });
        said.push('下次写卡时卡被拔出');
      }
      return `卡 ${i.cardId}：${said.join('，') || '无变化'}`;
    }),
  'training.useGas': (i, { app }) =>
    act(app, (w) => {
      const { used, meter } = w.consume(i.meterNo, i.volume);
      return `表 ${i.meterNo} 用气 ${formatCubicMetres(used)} m³，剩余 ${formatCubicMetres(meter.remaining)} m³${meter.valveOpen ? '' : '，阀门已关闭'}`;
    }),
};
