/**
 * The hall a page's list is of: a hall manager picks one of their halls (head office refuses them the
 * others and the whole company); the other roles may also clear it for every hall. Runtime: browser.
 */
import { Select } from 'antd';
import { useCallback } from 'react';
import type { Hall } from '../../core/sync/wire-admin';
import { get } from './api';
import type { Me } from './console-app';
import { useLoad } from './use-load';

/** The hall a page starts with: a hall manager's first hall, every hall for the others. */
export const firstHall = (me: Me) => (me.role === 'hall_manager' ? me.halls[0] : undefined);

export function HallSelect({
  me,
  value,
  onChange,
}: {
  me: Me;
  value: string | undefined;
  onChange(hall: string | undefined): void;
}) {
  const load = useCallback(async () => (await get<{ halls: Hall[] }>('/admin/halls')).halls, []);
  const halls = useLoad(load);
  return (
    <Select
      aria-label="网点"
      style={{ width: 200 }}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={me.role !== 'hall_manager'}
      placeholder="全部网点"
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={(halls.data ?? []).map((h) => ({ value: h.code, label: `${h.code} ${h.name}` }))}
    />
  );
}

/** `?hall=…` when a hall is chosen. */
export const hallQuery = (hall: string | undefined, sep = '?') => (hall ? `${sep}hall=${hall}` : '');
