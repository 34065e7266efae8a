/**
 * Money, gas volume and gas prices on screen: shown with the core formatters (￥, m³), typed as text and
 * parsed with the core parsers into integers (分, 0.01 m³, 厘/m³) — never through a floating-point number.
 * Runtime: browser.
 */
import type { FormRule } from 'antd';
import {
  formatCubicMetres,
  formatPriceLi,
  formatYuan,
  parseCubicMetres,
  parsePriceLi,
  parseYuan,
} from '../../core/quantities';
import { type Dict, fmt } from '../i18n';
import { isBlank } from './zod-rules';

/** The contract's largest amount (core/contract/cash.ts, sales.ts): ￥10,000,000.00, in 分. */
export const MAX_FEN = 10_000_000_00;
/** The contract's largest purchase (core/contract/sales.ts): 1,000,000 m³, in 0.01 m³. */
export const MAX_VOLUME = 100_000_000;

/** 123456 → '￥1,234.56'; −500 → '-￥5.00'. */
export function yuan(fen: number): string {
  return fen < 0 ? `-￥${formatYuan(-fen)}` : `￥${formatYuan(fen)}`;
}

/** 12345 → '123.45 m³'. */
export function m3(volume: number): string {
  return `${formatCubicMetres(volume)} m³`;
}

/** 40000 → '400', 40050 → '400.5' (m³ without the unit or needless zeros, for tier bounds). */
export function volumeText(volume: number): string {
  return formatCubicMetres(volume).replace(/\.?0+$/, '');
}

/** 2750 → '2.75' (元/m³ without the unit). */
export function priceText(li: number): string {
  return formatPriceLi(li);
}

type Parser = (text: string) => number;

function tryParse(parse: Parser, text: string | undefined | null): number | undefined {
  if (isBlank(text)) return undefined;
  try {
    return parse(String(text));
  } catch {
    return undefined;
  }
}

/** '12.50' → 1250; blank or not a valid amount → undefined. */
export const fenOf = (text: string | undefined | null) => tryParse(parseYuan, text);
/** '1.5' → 150 (0.01 m³); blank or invalid → undefined. */
export const volumeOf = (text: string | undefined | null) => tryParse(parseCubicMetres, text);
/** '2.75' → 2750 (厘/m³); blank or invalid → undefined. */
export const priceLiOf = (text: string | undefined | null) => tryParse(parsePriceLi, text);

/** 1250 → '12.50' for putting an amount back into a text field. */
export function fenText(fen: number): string {
  return formatYuan(fen).replace(/,/g, '');
}

export interface NumberRuleOpts {
  /** Shown when the text is not a number with the allowed decimals. */
  invalid: string;
  /** Shown when blank (unless optional). */
  required?: string;
  optional?: boolean;
  /** Smallest allowed value in the parsed unit, with its message. */
  min?: { value: number; message: string };
  /** Largest allowed value in the parsed unit, with its message (the range, said at the field). */
  max?: { value: number; message: string };
}

/** A field's label without its unit: '备用金（元）' → '备用金'. */
const bare = (label: string) => label.replace(/\s*[（(][^）)]*[）)]$/, '');

/** The largest amount an amount field takes, said with the label: 备用金最多 ￥10,000,000.00. */
export function maxYuan(t: Dict, label: string, value = MAX_FEN) {
  return { value, message: fmt(t.money.tooLarge, { label: bare(label), max: yuan(value) }) };
}

/** The largest volume a volume field takes: 购气量最多 1,000,000 m³. */
export function maxVolume(t: Dict, label: string, value = MAX_VOLUME) {
  const grouped = volumeText(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return { value, message: fmt(t.money.tooLarge, { label: bare(label), max: `${grouped} m³` }) };
}

function numberRule(parse: Parser, opts: NumberRuleOpts): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isBlank(value)) {
        if (opts.optional) return;
        throw new Error(opts.required ?? opts.invalid);
      }
      const n = tryParse(parse, String(value));
      if (n === undefined || n < 0) throw new Error(opts.invalid);
      if (opts.min && n < opts.min.value) throw new Error(opts.min.message);
      if (opts.max && n > opts.max.value) throw new Error(opts.max.message);
    },
  };
}

/** A form rule for 元 text (at most two decimals). */
export const yuanRule = (opts: NumberRuleOpts) => numberRule(parseYuan, opts);
/** A form rule for m³ text (at most two decimals). */
export const volumeRule = (opts: NumberRuleOpts) => numberRule(parseCubicMetres, opts);
/** A form rule for 元/m³ text (at most three decimals). */
export const priceRule = (opts: NumberRuleOpts) => numberRule(parsePriceLi, opts);
