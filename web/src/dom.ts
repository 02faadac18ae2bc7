// A tiny element builder. Text always goes in as text nodes, never as
// HTML, so nothing from an article can inject markup.

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function s(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(el: Element, children: (Child | Child[])[]) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "number" ? String(c) : c);
  }
}

// "2013-07-12T16:48:58Z" -> "12 July 2013, 16:48" (UTC when zoned).
export function formatDate(iso: string | null | undefined, withTime = true): string {
  if (!iso) return "";
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const months = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
  ];
  const [, y, mo, d, hh, mm] = m;
  let out = y;
  if (mo) out = `${months[Number(mo) - 1]} ${y}`;
  if (mo && d) out = `${Number(d)} ${out}`;
  if (withTime && hh) out += `, ${hh}:${mm}${iso.endsWith("Z") ? " UTC" : ""}`;
  return out;
}

export function formatNumber(x: number): string {
  return x.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

// "LOC:syria" -> the entity page's route.
export function entityHref(key: string): string {
  const colon = key.indexOf(":");
  const norm = colon > 0 ? key.slice(0, colon).toUpperCase() + key.slice(colon) : key;
  return `#/entity/${encodeURIComponent(norm)}`;
}

export function articleHref(seqOrId: number | string, at?: number): string {
  return `#/article/${seqOrId}${at !== undefined ? `?at=${at}` : ""}`;
}

export function loading(): HTMLElement {
  return h("p", { class: "muted loading" }, "Loading…");
}

export function errorBox(err: unknown): HTMLElement {
  const msg = err instanceof Error ? err.message : String(err);
  return h("div", { class: "error", role: "alert" }, h("strong", {}, "Could not load: "), msg);
}

export function typeLabel(t: string): string {
  return ({ PER: "person", ORG: "organisation", LOC: "place", MISC: "group" } as Record<string, string>)[t] ?? t;
}
