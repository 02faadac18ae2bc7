// Inline highlighting of an article's analysis.
//
// The analysis gives byte offsets (UTF-8) into the article text, which is
// the paragraphs joined by a blank line ("\n\n"). JavaScript strings index
// UTF-16 code units, so offsets are first mapped through a byte -> index
// table. Annotations nest or overlap (a quote holds entity mentions and
// claims), so the text is cut at every annotation boundary and each piece
// carries the classes of all the annotations covering it: a flat list of
// spans, no overlapping elements.

import type { Analysis } from "./api";
import { entityHref, h } from "./dom";

export type Kind = "entity" | "quote" | "speaker" | "claim" | "timex";

export interface Mark {
  kind: Kind;
  begin: number; // UTF-16 index into the whole text
  end: number;
  cls: string;
  title: string;
  href?: string; // entity mentions link to their entity page
  id?: string; // the first piece of a claim gets an anchor id
  data?: Record<string, string>;
}

// byteToIndex[b] = UTF-16 index of the character starting at byte b (and
// of the end for b = total bytes).
export function byteIndex(text: string): Int32Array {
  const bytes = new TextEncoder().encode(text).length;
  const map = new Int32Array(bytes + 1).fill(-1);
  let b = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    map[b] = i;
    b += n;
    i += cp > 0xffff ? 2 : 1;
  }
  map[bytes] = text.length;
  // A byte inside a character maps to the character's end.
  for (let k = bytes - 1; k >= 0; --k) if (map[k] < 0) map[k] = map[k + 1];
  return map;
}

function range(v: number | null): string {
  return v === null ? "open" : v.toLocaleString("en-US");
}

export function marksFor(text: string, a: Analysis): Mark[] {
  const map = byteIndex(text);
  const at = (b: number) => map[Math.max(0, Math.min(b, map.length - 1))];
  const marks: Mark[] = [];
  const ents = a.ner?.entities ?? [];
  for (const m of a.ner?.mentions ?? []) {
    const e = m.entity >= 0 ? ents[m.entity] : undefined;
    marks.push({
      kind: "entity",
      begin: at(m.begin),
      end: at(m.end),
      cls: `hl-entity hl-${m.type}`,
      title: `${e?.canonical ?? m.text} (${m.type})`,
      href: e ? entityHref(e.key) : undefined,
    });
  }
  for (const q of a.quotes ?? []) {
    marks.push({
      kind: "quote",
      begin: at(q.begin),
      end: at(q.end),
      cls: "hl-quote",
      title: `Quote (${q.cue}) — ${q.speaker || "unknown speaker"}`,
    });
    if (q.speaker_end > q.speaker_begin)
      marks.push({
        kind: "speaker",
        begin: at(q.speaker_begin),
        end: at(q.speaker_end),
        cls: "hl-speaker",
        title: `Speaker: ${q.speaker}`,
      });
  }
  (a.claims ?? []).forEach((c, i) => {
    const parts = [
      `${c.quantity_text}: ${c.subject || "?"}`,
      `range ${range(c.low)}–${range(c.high)}`,
      c.event ? `event ${c.event}` : "",
      c.time ? `time ${c.time}` : "",
      c.source ? `source ${c.source}` : "",
      c.origin?.length ? `origin ${c.origin.join(", ")}` : "",
    ].filter(Boolean);
    marks.push({
      kind: "claim",
      begin: at(c.begin),
      end: at(c.end),
      cls: "hl-claim",
      title: parts.join(" · "),
      id: `claim-${c.begin}`,
      data: { claim: String(i), begin: String(c.begin) },
    });
  });
  for (const t of a.timexes ?? [])
    marks.push({
      kind: "timex",
      begin: at(t.begin),
      end: at(t.end),
      cls: "hl-timex",
      title: `${t.type} ${t.mod ? t.mod + " " : ""}${t.value}`,
    });
  return marks.filter((m) => m.end > m.begin);
}

// Renders one paragraph [pBegin, pEnd) of `text` with the marks cut to it.
// `target` (UTF-16 range) is a sentence to emphasise, or null.
export function renderParagraph(
  text: string,
  pBegin: number,
  pEnd: number,
  marks: Mark[],
  target: { begin: number; end: number } | null,
): HTMLElement {
  const inside = marks.filter((m) => m.begin < pEnd && m.end > pBegin);
  const cuts = new Set<number>([pBegin, pEnd]);
  for (const m of inside) {
    cuts.add(Math.max(m.begin, pBegin));
    cuts.add(Math.min(m.end, pEnd));
  }
  if (target && target.begin < pEnd && target.end > pBegin) {
    cuts.add(Math.max(target.begin, pBegin));
    cuts.add(Math.min(target.end, pEnd));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const p = h("p", {});
  const idsUsed = new Set<string>();
  for (let k = 0; k + 1 < points.length; ++k) {
    const b = points[k];
    const e = points[k + 1];
    const piece = text.slice(b, e);
    const cover = inside.filter((m) => m.begin <= b && m.end >= e);
    const inTarget = target !== null && target.begin <= b && target.end >= e;
    if (cover.length === 0 && !inTarget) {
      p.append(piece);
      continue;
    }
    const link = cover.find((m) => m.href);
    const el = link ? h("a", { href: link.href }) : h("span", {});
    const classes = cover.map((m) => m.cls);
    if (inTarget) classes.push("target");
    el.className = classes.join(" ");
    el.title = cover.map((m) => m.title).join("\n");
    for (const m of cover) {
      if (m.id && m.begin === b && !idsUsed.has(m.id)) {
        el.id = m.id;
        idsUsed.add(m.id);
      }
      for (const [dk, dv] of Object.entries(m.data ?? {})) el.dataset[dk] = dv;
    }
    el.textContent = piece;
    p.append(el);
  }
  return p;
}
