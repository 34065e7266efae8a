/**
 * The printed receipt drawn as paper: monospace, `columns` wide (32 or 48), double-width text twice as wide,
 * bold and underline, alignment, a marked placeholder square for the QR code with its content as text (no
 * QR library: the printer draws the real one), a barcode box and the cut line. Runtime: browser.
 */
import { Spin } from 'antd';
import type { CSSProperties } from 'react';
import { fmt, useT } from '../../i18n';
import {
  leftPad,
  lineColumns,
  type PaperElement,
  type PaperSegment,
  type PrintedReceipt,
  runsOf,
  scaleOf,
  widthOfColumns,
} from './paper-model';

const ch = (n: number) => `${n}ch`;

function Segment({ seg }: { seg: PaperSegment }) {
  const w = scaleOf(seg.width);
  const h = scaleOf(seg.height);
  // The font grows with the width, so each glyph fills the w columns a column the printer gives it and never
  // overlaps the next; a taller scale (GS ! double height only) stretches it upwards, room kept above the line.
  const tall = h / w;
  const style: CSSProperties = {
    fontSize: `${w}em`,
    fontWeight: seg.bold ? 700 : undefined,
    textDecoration: seg.underline ? 'underline' : undefined,
    ...(tall === 1
      ? {}
      : { transform: `scaleY(${tall})`, transformOrigin: 'bottom', marginTop: `${(tall - 1) * 1.4}em` }),
  };
  return (
    <span className="paper-seg" style={style}>
      {runsOf(seg.text).map((r, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: runs of a fixed text never move
          key={i}
          className={r.cols === 2 && r.text.length === 1 ? 'paper-wide' : 'paper-run'}
          style={{ width: ch(r.cols) }}
        >
          {r.text}
        </span>
      ))}
    </span>
  );
}

function Element({ e, columns }: { e: PaperElement; columns: number }) {
  const t = useT();
  if (e.kind === 'line') {
    const pad = leftPad(e.align, lineColumns(e.segments), columns);
    return (
      <div className="paper-line">
        {pad > 0 && <span className="paper-pad" style={{ width: ch(pad) }} />}
        {e.segments.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of a fixed line never move
          <Segment key={i} seg={s} />
        ))}
        {e.segments.length === 0 && '\u00a0'}
      </div>
    );
  }
  const box = e.kind === 'qr' ? 'paper-qr' : 'paper-barcode';
  return (
    <div className={`paper-block paper-${e.align}`}>
      <div className={box} data-testid={e.kind === 'qr' ? 'paper-qr' : 'paper-barcode'}>
        <span className="paper-box-label">{e.kind === 'qr' ? t.print.qr : t.print.barcode}</span>
        {e.kind === 'barcode' && <span className="paper-bars" aria-hidden />}
        <span className="paper-box-data">{e.data}</span>
      </div>
    </div>
  );
}

interface Props {
  receipt?: PrintedReceipt;
  columns: number;
  loading?: boolean;
}

export function ReceiptPaper({ receipt, columns, loading = false }: Props) {
  const t = useT();
  const caption = fmt(t.print.paperCols, { mm: widthOfColumns(columns), n: columns });
  return (
    <figure className="paper-frame" aria-label={t.print.paper} data-testid="receipt-paper">
      <figcaption className="paper-caption">
        {t.print.paper} · {caption}
      </figcaption>
      <section
        className="paper-scroll"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region must be reachable by keyboard
        tabIndex={0}
        aria-label={t.print.paper}
      >
        <Spin spinning={loading} description={loading ? t.print.loading : undefined}>
          <div className="paper" style={{ width: ch(columns) }}>
            {receipt?.elements.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a receipt's elements are fixed
              <Element key={i} e={e} columns={columns} />
            ))}
            {receipt?.cut && (
              <div className="paper-cut">
                <span aria-hidden>✂</span> {t.print.cut}
              </div>
            )}
            {!receipt && <div className="paper-empty" />}
          </div>
        </Spin>
      </section>
      {receipt && receipt.drawerPulses > 0 && <div className="paper-drawer">{t.print.drawer}</div>}
    </figure>
  );
}
