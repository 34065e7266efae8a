/**
 * Reading one row's cells by template column, with the counter's own field rules (core/contract schemas):
 * each problem is an issue naming the column, a stable code and the reason in Chinese. Runtime: Node.
 */
import type { z } from 'zod';
import { CellProblem, type Cell, readDate, readFen, readInt, readVolume } from './cells';

export interface RowIssue {
  /** The template column's key (the report names its header). */
  readonly column: string;
  readonly code: string;
  readonly message: string;
}

/** A row's cells by column key, and the issues found so far. */
export class RowReader {
  readonly issues: RowIssue[] = [];
  constructor(private readonly cells: Readonly<Record<string, Cell>>) {}

  /** The cell's text; null when blank. A cell that is an Excel error or a formula without value is an issue. */
  raw(key: string): string | null {
    const c = this.cells[key] ?? null;
    if (c instanceof CellProblem) {
      this.issue(key, c.code, c.message);
      return null;
    }
    return c;
  }

  issue(column: string, code: string, message: string): void {
    this.issues.push({ column, code, message });
  }

  /** A required text; `label` names it in the message. */
  need(key: string, label: string): string | null {
    const v = this.raw(key);
    if (v === null && !this.issues.some((i) => i.column === key))
      this.issue(key, 'REQUIRED', `请填写${label}`);
    return v;
  }

  /** The value through a core schema (its transform applied); null when blank and not required. */
  schema<S extends z.ZodType>(key: string, s: S, required: string | null): z.output<S> | null {
    const v = required ? this.need(key, required) : this.raw(key);
    if (v === null) return null;
    const r = s.safeParse(v);
    if (r.success) return r.data;
    const first = r.error.issues[0]!;
    const code = (first as { params?: { code?: string } }).params?.code ?? 'INVALID';
    this.issue(key, code, first.message);
    return null;
  }

  date(key: string, label: string, required = false): string | null {
    const v = required ? this.need(key, label) : this.raw(key);
    if (v === null) return null;
    const d = readDate(v);
    if (d === null) this.issue(key, 'DATE_INVALID', `${label}不是有效日期（如 2024-03-05）`);
    return d;
  }

  int(key: string, label: string, min: number, max: number, required = false): number | null {
    const v = required ? this.need(key, label) : this.raw(key);
    if (v === null) return null;
    const n = readInt(v);
    if (n === null || n < min || n > max) {
      this.issue(key, 'NUMBER_INVALID', `${label}应为 ${min} 到 ${max} 的整数`);
      return null;
    }
    return n;
  }

  /** Exact decimal yuan → fen. */
  fen(key: string, label: string): number | null {
    const v = this.raw(key);
    if (v === null) return null;
    const f = readFen(v);
    if (f === null) this.issue(key, 'MONEY_INVALID', `${label}应为金额（元），最多两位小数`);
    return f;
  }

  volume(key: string, label: string, required = false): number | null {
    const v = required ? this.need(key, label) : this.raw(key);
    if (v === null) return null;
    const n = readVolume(v);
    if (n === null) this.issue(key, 'VOLUME_INVALID', `${label}应为立方米数，最多两位小数`);
    return n;
  }

  /** One of the words of `words` (Chinese or the code itself). */
  choice<T extends string>(
    key: string,
    label: string,
    words: Record<string, T>,
    fallback: T | null,
  ): T | null {
    const v = fallback === null ? this.need(key, label) : this.raw(key);
    if (v === null) return fallback;
    const hit = words[v] ?? words[v.toLowerCase()];
    if (hit === undefined)
      this.issue(
        key,
        'CHOICE_INVALID',
        `${label}应为 ${Object.keys(words)
          .filter((w) => /[\u4e00-\u9fff]/.test(w))
          .join('、')} 之一`,
      );
    return hit ?? null;
  }
}
