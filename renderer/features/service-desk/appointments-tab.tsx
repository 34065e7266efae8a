/**
 * 预约 (appointments): the booking form (customer or prospective customer, what for, team, day, 上午/下午 with
 * the places left, notes), Ctrl+Enter books it; the slip's preview (the printer's bytes) and its print; the
 * day's list by team with 改约 and 取消 (each asks a reason) and the team's day list printed (80 mm or A4).
 * Runtime: browser.
 */
import {
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Appointment, CustomerSummary, OpOutput } from '../../../core/contract';
import {
  FIELD_TEAM_ZH,
  FIELD_TEAMS,
  type FieldTeam,
  SLOT_INFO,
  SLOTS,
  type Slot,
  VISIT_KIND_ZH,
  VISIT_KINDS,
  type VisitKind,
} from '../../../core/domain/appointments';
import { WORK_KINDS, type WorkKind } from '../../../core/domain/work-orders';
import { api } from '../../api/client';
import { fmt, useT } from '../../i18n';
import { useEnterNavigation } from '../../shell/enter-nav';
import { useFormErrors, useReportError } from '../../shell/errors';
import { OfficePrintButtons } from '../printing/office-print';
import { ReceiptPaper } from '../printing/receipt-paper';
import { PartyFields, ProspectiveFields, partyOf } from './party-fields';
import { WorkOrderOpenModal } from './work-order-open-modal';

interface Values {
  name?: string;
  phone?: string;
  address?: string;
  kind: VisitKind;
  team: FieldTeam;
  date: string;
  slot: Slot;
  notes?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A local calendar date, `days` from today (the counter's clock decides what is past; this is a default). */
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

type Slots = OpOutput<'appointments.slots'>['slots'];

export function AppointmentsTab({ focusTick }: { focusTick: number }) {
  const t = useT();
  const s = t.service;
  const a = t.appointments;
  const { message } = AntApp.useApp();
  const report = useReportError();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [prospective, setProspective] = useState(false);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<Appointment>();
  const [preview, setPreview] = useState<OpOutput<'appointments.preview'>>();
  const [day, setDay] = useState(dayFromToday(0));
  const [team, setTeam] = useState<FieldTeam | undefined>();
  const [items, setItems] = useState<Appointment[]>([]);
  const [slots, setSlots] = useState<Slots>([]);
  const [step, setStep] = useState<{ kind: 'reschedule' | 'cancel'; appt: Appointment }>();
  const [working, setWorking] = useState<Appointment>();
  const bookDate = Form.useWatch('date', form);
  const bookTeam = Form.useWatch('team', form);

  const load = useCallback(async () => {
    if (!DAY.test(day)) return;
    try {
      setItems((await api['appointments.list']({ date: day, team, withCancelled: true })).items);
    } catch (e) {
      report(e);
    }
  }, [day, team, report]);
  useEffect(() => void load(), [load]);

  // The places left in the chosen day's slots, for the form's 上午/下午 (again after each booking).
  const loadSlots = useCallback(async (date?: string) => {
    if (!date || !DAY.test(date)) return setSlots([]);
    try {
      setSlots((await api['appointments.slots']({ date })).slots);
    } catch {
      setSlots([]);
    }
  }, []);
  useEffect(() => void loadSlots(bookDate), [bookDate, loadSlots]);

  const slotLabel = (slot: Slot) => {
    const v = slots.find((x) => x.team === bookTeam && x.slot === slot);
    const base = `${SLOT_INFO[slot].zh} ${SLOT_INFO[slot].hours}`;
    if (!v) return base;
    if (v.past) return `${base}（${a.past}）`;
    return `${base}（${fmt(a.left, { n: v.capacity - v.taken, cap: v.capacity })}）`;
  };

  const showSlip = useCallback(
    async (x: Appointment) => {
      try {
        setPreview(await api['appointments.preview']({ id: x.id }));
      } catch (e) {
        report(e);
      }
    },
    [report],
  );

  const submit = useCallback(async () => {
    if (busy) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const x = await api['appointments.book']({
        ...partyOf(customer, v),
        kind: v.kind,
        team: v.team,
        date: v.date,
        slot: v.slot,
        notes: v.notes ?? '',
      });
      message.success(fmt(a.booked, { no: x.no }));
      setLast(x);
      void showSlip(x);
      form.resetFields();
      form.setFieldsValue({ date: v.date, team: v.team });
      setCustomer(null);
      setProspective(false);
      setDay(x.date);
      void load();
      void loadSlots(v.date);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }, [busy, customer, form, load, loadSlots, message, onError, a, showSlip]);

  const print = async (x: Appointment) => {
    try {
      await api['appointments.print']({ id: x.id });
      message.success(a.printed);
    } catch (e) {
      report(e);
    }
  };

  const printDay = async () => {
    if (!team) return;
    try {
      await api['appointments.printDay']({ date: day, team });
      message.success(a.printed);
    } catch (e) {
      report(e);
    }
  };

  const onKeyDown = useEnterNavigation(() => void submit(), { skipToggles: true });

  return (
    <Space direction="vertical" size="middle" className="appointments-tab">
      <Card size="small" title={a.bookTitle}>
        <PartyFields
          idPrefix="appt"
          customer={customer}
          prospective={prospective}
          focusTick={focusTick}
          onPick={(c) => {
            setCustomer(c);
            if (!c) setProspective(false);
          }}
          onProspective={() => setProspective(true)}
        />
        <div onKeyDownCapture={onKeyDown}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ kind: 'install', team: 'install', date: dayFromToday(1), slot: 'am' }}
            data-testid="appointment-form"
          >
            {!customer && prospective && <ProspectiveFields idPrefix="appt" />}
            <Form.Item name="kind" label={a.kind}>
              <Radio.Group options={VISIT_KINDS.map((k) => ({ value: k, label: VISIT_KIND_ZH[k] }))} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="team" htmlFor="appt-team" label={a.team}>
                <Select
                  id="appt-team"
                  style={{ width: 160 }}
                  options={FIELD_TEAMS.map((x) => ({ value: x, label: FIELD_TEAM_ZH[x] }))}
                />
              </Form.Item>
              <Form.Item
                name="date"
                htmlFor="appt-date"
                label={a.date}
                rules={[{ required: true, pattern: DAY, message: a.needDate }]}
              >
                <Input id="appt-date" style={{ width: 140 }} placeholder="2026-11-27" autoComplete="off" />
              </Form.Item>
              <Form.Item name="slot" label={a.slot}>
                <Radio.Group options={SLOTS.map((x) => ({ value: x, label: slotLabel(x) }))} />
              </Form.Item>
            </Space>
            <Form.Item name="notes" htmlFor="appt-notes" label={a.notes}>
              <Input.TextArea id="appt-notes" rows={2} maxLength={300} />
            </Form.Item>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void submit()}
              data-testid="appointment-submit"
            >
              {a.submit}
            </Button>
          </Form>
        </div>
        {last && (
          <Space align="start" className="appointment-last" data-testid="appointment-last">
            <Space direction="vertical">
              <strong>{last.no}</strong>
              <Button onClick={() => void print(last)} data-testid="appointment-print">
                {a.printSlip}
              </Button>
            </Space>
            {preview && <ReceiptPaper receipt={preview.receipt} columns={preview.columns} />}
          </Space>
        )}
      </Card>
      <Card
        size="small"
        title={a.listTitle}
        extra={
          <Space>
            <Input
              aria-label={a.date}
              id="appt-day"
              style={{ width: 130 }}
              value={day}
              onChange={(e) => setDay(e.target.value.trim())}
            />
            <Select
              aria-label={a.team}
              allowClear
              placeholder={a.allTeams}
              style={{ width: 140 }}
              value={team}
              onChange={(v) => setTeam(v)}
              options={FIELD_TEAMS.map((x) => ({ value: x, label: FIELD_TEAM_ZH[x] }))}
            />
            <Button disabled={!team} onClick={() => void printDay()} data-testid="appointment-print-day">
              {a.printDay}
            </Button>
            {team && DAY.test(day) && <OfficePrintButtons doc={{ kind: 'teamDay', id: `${day}:${team}` }} />}
          </Space>
        }
      >
        <Table<Appointment>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          data-testid="appointment-list"
          columns={[
            { title: a.team, render: (_, x) => FIELD_TEAM_ZH[x.team], width: 100 },
            { title: a.slot, render: (_, x) => SLOT_INFO[x.slot].zh, width: 60 },
            { title: a.kind, render: (_, x) => VISIT_KIND_ZH[x.kind], width: 60 },
            { title: s.who, render: (_, x) => `${x.party.name} ${x.party.phone}` },
            { title: s.address, render: (_, x) => x.party.address },
            {
              title: a.status,
              width: 160,
              render: (_, x) => (
                <>
                  <Tag color={x.status === 'cancelled' ? 'default' : 'blue'}>{a.statuses[x.status]}</Tag>
                  <HeadOfficeNotes appt={x} />
                </>
              ),
            },
            { title: s.no, dataIndex: 'no', width: 180 },
            {
              title: t.common.actions,
              width: 300,
              render: (_, x) => (
                <Space size="small">
                  <Button size="small" onClick={() => void print(x)}>
                    {a.printSlip}
                  </Button>
                  {x.allowed.includes('reschedule') && (
                    <Button size="small" onClick={() => setStep({ kind: 'reschedule', appt: x })}>
                      {a.reschedule}
                    </Button>
                  )}
                  {x.allowed.includes('cancel') && (
                    <Button size="small" danger onClick={() => setStep({ kind: 'cancel', appt: x })}>
                      {a.cancel}
                    </Button>
                  )}
                  {x.status !== 'cancelled' && (
                    <Button size="small" onClick={() => setWorking(x)}>
                      {t.workOrders.open}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {working && (
        <WorkOrderOpenModal
          source={{
            type: 'appointment',
            id: working.id,
            no: working.no,
            kind: (WORK_KINDS as readonly string[]).includes(working.kind)
              ? (working.kind as WorkKind)
              : 'repair',
            description: working.notes || VISIT_KIND_ZH[working.kind],
          }}
          onCancel={() => setWorking(undefined)}
          onDone={() => setWorking(undefined)}
        />
      )}
      {step && (
        <StepModal
          kind={step.kind}
          appt={step.appt}
          onClose={() => setStep(undefined)}
          onDone={() => {
            setStep(undefined);
            void load();
          }}
        />
      )}
    </Space>
  );
}

interface StepValues {
  date: string;
  slot: Slot;
  team: FieldTeam;
  reason: string;
}

/** 改约 (a new day, slot or team) or 取消, each with its reason. */
function StepModal(props: {
  kind: 'reschedule' | 'cancel';
  appt: Appointment;
  onClose(): void;
  onDone(): void;
}) {
  const a = useT().appointments;
  const [form] = Form.useForm<StepValues>();
  const onError = useFormErrors(form);
  const [busy, setBusy] = useState(false);
  const { appt, kind } = props;
  const ok = async () => {
    let v: StepValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      if (kind === 'reschedule')
        await api['appointments.reschedule']({
          id: appt.id,
          date: v.date,
          slot: v.slot,
          team: v.team,
          reason: v.reason,
        });
      else await api['appointments.cancel']({ id: appt.id, reason: v.reason });
      props.onDone();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${kind === 'reschedule' ? a.reschedule : a.cancel} ${appt.no}`}
      okText={a.confirm}
      confirmLoading={busy}
      onOk={() => void ok()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: appt.date, slot: appt.slot, team: appt.team }}
        data-testid={`appointment-${kind}-form`}
      >
        {kind === 'reschedule' && (
          <Space wrap>
            <Form.Item name="team" htmlFor="appt-step-team" label={a.team}>
              <Select
                id="appt-step-team"
                style={{ width: 140 }}
                options={FIELD_TEAMS.map((x) => ({ value: x, label: FIELD_TEAM_ZH[x] }))}
              />
            </Form.Item>
            <Form.Item
              name="date"
              htmlFor="appt-step-date"
              label={a.date}
              rules={[{ required: true, pattern: DAY, message: a.needDate }]}
            >
              <Input id="appt-step-date" style={{ width: 130 }} autoComplete="off" />
            </Form.Item>
            <Form.Item name="slot" label={a.slot}>
              <Radio.Group options={SLOTS.map((x) => ({ value: x, label: SLOT_INFO[x].zh }))} />
            </Form.Item>
          </Space>
        )}
        <Form.Item
          name="reason"
          htmlFor="appt-step-reason"
          label={kind === 'reschedule' ? a.rescheduleReason : a.cancelReason}
          rules={[{ required: true, whitespace: true, message: a.needReason }]}
        >
          <Input id="appt-step-reason" autoFocus maxLength={200} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Head office's 改派 and 取消 on an appointment, and the counter's steps its cancel superseded. */
function HeadOfficeNotes({ appt }: { appt: Appointment }) {
  const a = useT().appointments;
  const late = appt.steps.filter((x) => x.superseded);
  return (
    <>
      {appt.headOffice.map((h) => (
        <div key={h.hoNo}>
          <Typography.Text type="secondary">
            {h.action === 'close' ? a.headOfficeCancel : a.headOfficeReassign}
            {h.team ? `（${FIELD_TEAM_ZH[h.team as FieldTeam] ?? h.team}）` : ''}：{h.reason} — {h.by}
          </Typography.Text>
        </div>
      ))}
      {late.map((x) => (
        <div key={x.id}>
          <Typography.Text type="secondary">
            {x.action === 'cancel' ? a.cancel : a.reschedule}（{a.superseded}）
          </Typography.Text>
        </div>
      ))}
    </>
  );
}
