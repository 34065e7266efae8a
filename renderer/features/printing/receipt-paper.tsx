/**
 * The printed receipt drawn as paper: monospace, `columns` wide (32 or 48), double-width text twice as wide,
 * bold and underline, alignment, the QR code drawn as a QR code (antd's QRCode, from the content the printer
 * got), a barcode box and the cut line. Runtime: browser.
 */
import { QRCode, Spin } from 'antd';
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
/** The QR code's size on screen: large enough for a phone to read it off the monitor. */
const QR_PX = 168;

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
  if (e.kind === 'qr')
    // The QR code itself, drawn from the content and error level the printer got (its GS ( k draws the same
    // symbol), so the preview can be scanned like the paper; its content is not shown as text.
    return (
      <div className={`paper-block paper-${e.align}`}>
        <figure className="paper-qr" data-testid="paper-qr" data-qr={e.data}>
          <QRCode
            type="svg"
            value={e.data}
            errorLevel={e.ec}
            size={QR_PX}
            bordered={false}
            color="#000"
            bgColor="#fff"
            aria-label={t.print.qr}
          />
          <figcaption className="paper-box-label">{t.print.qr}</figcaption>
        </figure>
      </div>
    );
  return (
    <div className={`paper-block paper-${e.align}`}>
      <div className="paper-barcode" data-testid="paper-barcode">
        <span className="paper-box-label">{t.print.barcode}</span>
        <span className="paper-bars" aria-hidden />
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
