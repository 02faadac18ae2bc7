// Charts drawn as plain SVG (no chart library): the mentions-over-time bars
// of an entity and the claims timeline.
//
// Claims timeline: x is time (days since the epoch), y the count, on a log
// scale when the figures span more than a factor of 20. A claim is drawn
// where it sits on both axes: a vertical bar for its range of values
// (low..high; "hundreds" is 200..999), a horizontal bar for the period it
// is about (time_first..time_last), and a dot at the centre. An open bound
// ("at least 17", "up to 600") runs dashed to the edge of the plot and ends
// in an arrow. Each claim is an <a> to its sentence in the article.

import type { Bucket, LedgerClaim } from "./api";
import { articleHref, formatNumber, s } from "./dom";

const DAY = 86400000;

function dayNumber(d: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
}

function dayLabel(day: number, withYear: boolean): string {
  const d = new Date(day * DAY);
  const mon = d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  return withYear ? `${mon} ${d.getUTCFullYear()}` : `${d.getUTCDate()} ${mon}`;
}

export function mentionsChart(buckets: Bucket[], unit: "day" | "month"): SVGElement {
  const W = 640, H = 220, L = 36, R = 8, T = 12, B = 40;
  const max = Math.max(1, ...buckets.map((b) => b.mentions));
  const n = Math.max(1, buckets.length);
  const bw = (W - L - R) / n;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart mentions-chart", role: "img",
    "aria-label": `Mentions per ${unit}` });
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const ticks = max <= 5 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, Math.round(max / 2), max];
  for (const t of ticks) {
    svg.append(s("line", { x1: L, x2: W - R, y1: y(t), y2: y(t), class: "grid" }));
    svg.append(s("text", { x: L - 6, y: y(t) + 4, class: "tick", "text-anchor": "end" }, String(t)));
  }
  const every = Math.ceil(n / 8);
  buckets.forEach((b, i) => {
    const x = L + i * bw;
    svg.append(s("rect", { x: x + bw * 0.15, y: y(b.mentions), width: Math.max(1, bw * 0.7), height: H - B - y(b.mentions),
      class: "bar", "data-value": b.value }, s("title", {}, `${b.value}: ${b.mentions} mention${b.mentions === 1 ? "" : "s"} in ${b.articles} article${b.articles === 1 ? "" : "s"}`)));
    if (i % every === 0)
      svg.append(s("text", { x: x + bw / 2, y: H - B + 16, class: "tick", "text-anchor": "middle" }, b.value));
  });
  svg.append(s("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, class: "axis" }));
  return svg;
}

const PALETTE = ["#b91c1c", "#1d4ed8", "#047857", "#7c3aed", "#c2410c", "#0e7490", "#a21caf", "#4d7c0f"];

export function subjectColour(subjects: string[]): (subject: string) => string {
  const order = [...new Set(subjects)];
  return (sub) => PALETTE[order.indexOf(sub) % PALETTE.length] ?? "#444";
}

export function claimsChart(claims: LedgerClaim[], colour: (s: string) => string): SVGElement {
  const W = 760, H = 360, L = 56, R = 20, T = 20, B = 44;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart claims-chart", role: "img",
    "aria-label": "Timeline of the competing figures" });
  svg.append(s("defs", {},
    s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 5, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" },
      s("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "context-stroke" }))));

  type P = { c: LedgerClaim; i: number; t0: number; t1: number; lo: number | null; hi: number | null };
  const pts: P[] = [];
  claims.forEach((c, i) => {
    const t0 = dayNumber(c.time_first) ?? dayNumber(c.published);
    if (t0 === null || (c.low === null && c.high === null)) return;
    const t1 = dayNumber(c.time_last) ?? t0;
    pts.push({ c, i, t0, t1: Math.max(t0, t1), lo: c.low, hi: c.high });
  });
  if (pts.length === 0) {
    svg.append(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "tick" }, "No dated figures to draw"));
    return svg;
  }
  const values = pts.flatMap((p) => [p.lo, p.hi]).filter((v): v is number => v !== null && v > 0);
  let vmin = Math.min(...values), vmax = Math.max(...values);
  const log = vmax / Math.max(vmin, 1e-9) > 20;
  if (log) {
    // A little room beyond the extreme figures, so none sits on an axis.
    vmin = Math.pow(10, Math.log10(vmin) - 0.2);
    vmax = Math.pow(10, Math.log10(vmax) + 0.2);
  } else {
    vmin = 0;
    vmax = vmax * 1.15;
  }
  const yv = (v: number) => {
    const f = log ? (Math.log10(Math.max(v, vmin)) - Math.log10(vmin)) / (Math.log10(vmax) - Math.log10(vmin)) : v / vmax;
    return T + (H - T - B) * (1 - f);
  };
  let tmin = Math.min(...pts.map((p) => p.t0)), tmax = Math.max(...pts.map((p) => p.t1)) + 1;
  const pad = Math.max(3, (tmax - tmin) * 0.04);
  tmin -= pad;
  tmax += pad;
  const xt = (t: number) => L + (W - L - R) * ((t - tmin) / (tmax - tmin));

  // Grid and axes.
  const yTicks: number[] = [];
  if (log) {
    for (let d = Math.pow(10, Math.floor(Math.log10(vmin))); d <= vmax; d *= 10)
      for (const m of [1, 2, 5]) if (d * m >= vmin && d * m <= vmax) yTicks.push(d * m);
  } else {
    for (let k = 0; k <= 4; ++k) yTicks.push((vmax / 4) * k);
  }
  for (const v of yTicks) {
    svg.append(s("line", { x1: L, x2: W - R, y1: yv(v), y2: yv(v), class: "grid" }));
    svg.append(s("text", { x: L - 6, y: yv(v) + 4, class: "tick", "text-anchor": "end" }, formatNumber(Math.round(v))));
  }
  const spanDays = tmax - tmin;
  const monthly = spanDays > 75;
  const first = new Date(tmin * DAY);
  let cursor = monthly ? Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1) / DAY : Math.ceil(tmin);
  const step = monthly ? 0 : Math.max(1, Math.round(spanDays / 8));
  let guard = 0;
  const monthStep = monthly ? Math.max(1, Math.round(spanDays / 30 / 8)) : 0;
  while (cursor < tmax && guard++ < 40) {
    svg.append(s("line", { x1: xt(cursor), x2: xt(cursor), y1: T, y2: H - B, class: "grid" }));
    svg.append(s("text", { x: xt(cursor), y: H - B + 16, class: "tick", "text-anchor": "middle" }, dayLabel(cursor, monthly)));
    if (monthly) {
      const d = new Date(cursor * DAY);
      cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + monthStep, 1) / DAY;
    } else cursor += step;
  }
  svg.append(s("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, class: "axis" }));
  svg.append(s("line", { x1: L, x2: L, y1: T, y2: H - B, class: "axis" }));
  svg.append(s("text", { x: 12, y: T + (H - T - B) / 2, class: "axis-label", transform: `rotate(-90 12 ${T + (H - T - B) / 2})`, "text-anchor": "middle" },
    log ? "count (log scale)" : "count"));

  // Spread claims that share a period so their bars do not overlap.
  const sameSpot = new Map<string, number>();
  for (const p of pts) {
    const key = `${p.t0}-${p.t1}`;
    const k = sameSpot.get(key) ?? 0;
    sameSpot.set(key, k + 1);
    const col = colour(p.c.subject);
    const nudge = (k % 5) * 5 - 10;
    const xc = (xt(p.t0) + xt(p.t1 + 1)) / 2 + nudge;
    const top = p.hi === null ? T : yv(p.hi);
    const bottom = p.lo === null ? H - B : yv(p.lo);
    const mid = p.lo !== null && p.hi !== null ? yv(Math.sqrt(Math.max(p.lo, 1e-9) * Math.max(p.hi, 1e-9))) : p.lo !== null ? yv(p.lo) : yv(p.hi!);
    const c = p.c;
    const range = `${c.low === null ? "open" : formatNumber(c.low)} – ${c.high === null ? "open" : formatNumber(c.high)}`;
    const g = s("a", {
      href: articleHref(c.article_seq, c.begin),
      class: "claim-point",
      "data-testid": "claim-point",
      "data-article": String(c.article_seq),
      "data-begin": String(c.begin),
    });
    g.append(s("title", {}, `${c.quantity} ${c.subject} (${range})\n${c.time || c.published.slice(0, 10)}\n${c.article_title}`));
    // Value range: solid between known bounds, dashed with an arrow to the
    // plot edge for an open one.
    if (p.lo !== null && p.hi !== null && p.hi > p.lo)
      g.append(s("line", { x1: xc, x2: xc, y1: yv(p.hi), y2: yv(p.lo), stroke: col, class: "range" }));
    if (p.hi === null)
      g.append(s("line", { x1: xc, x2: xc, y1: mid, y2: top + 4, stroke: col, class: "range open", "marker-end": "url(#arrow)" }));
    if (p.lo === null)
      g.append(s("line", { x1: xc, x2: xc, y1: mid, y2: bottom - 4, stroke: col, class: "range open", "marker-end": "url(#arrow)" }));
    // Period.
    if (p.t1 > p.t0)
      g.append(s("line", { x1: xt(p.t0), x2: xt(p.t1 + 1), y1: mid, y2: mid, stroke: col, class: "period" }));
    g.append(s("circle", { cx: xc, cy: mid, r: 5.5, fill: col, class: "dot" }));
    svg.append(g);
  }
  return svg;
}
