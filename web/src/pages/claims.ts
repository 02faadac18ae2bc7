// The claims ledger: filters, the timeline of competing figures, the table.

import { get, type LedgerClaim } from "../api";
import { claimsChart, subjectColour } from "../chart";
import { articleHref, errorBox, formatDate, formatNumber, h, loading } from "../dom";

const FILTERS: { name: string; label: string; placeholder: string }[] = [
  { name: "subject", label: "Subject", placeholder: "militant" },
  { name: "origin", label: "Origin", placeholder: "Russia" },
  { name: "event", label: "Event", placeholder: "FIGHT" },
  { name: "location", label: "Location", placeholder: "Syria" },
  { name: "source", label: "Source", placeholder: "ministry" },
  { name: "from", label: "From", placeholder: "2013-01" },
  { name: "to", label: "To", placeholder: "2013-12" },
];

function bound(v: number | null): string {
  return v === null ? "open" : formatNumber(v);
}

export async function claimsPage(root: HTMLElement, params: URLSearchParams) {
  const query: Record<string, string> = {};
  for (const f of FILTERS) query[f.name] = params.get(f.name) ?? "";
  const negated = params.get("include_negated") === "true";

  const form = h("form", { class: "filters", "data-testid": "claim-filters" },
    FILTERS.map((f) => h("label", {}, h("span", {}, f.label),
      h("input", { name: f.name, value: query[f.name], placeholder: f.placeholder }))),
    h("label", { class: "check" }, h("input", { type: "checkbox", name: "include_negated", checked: negated }), h("span", {}, "include negated / hypothetical")),
    h("div", { class: "filter-buttons" }, h("button", { type: "submit" }, "Filter"), h("a", { href: "#/claims", class: "button-link" }, "Clear")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) p.set(k, k === "include_negated" ? "true" : String(v).trim());
    location.hash = `#/claims?${p}`;
  });

  document.title = "Claims — Wirewatch";
  const head = [
    h("h1", { class: "page-title" }, "Count claims"),
    h("p", { class: "muted" }, "How many, according to whom: every figure the archive's articles report, with its bounds, period and source."),
    form,
  ];
  root.replaceChildren(...head, loading());
  let claims: LedgerClaim[];
  try {
    claims = (await get<{ claims: LedgerClaim[] }>("claims", { ...query, include_negated: negated ? "true" : "", limit: 500 })).claims;
  } catch (e) {
    root.replaceChildren(...head, errorBox(e));
    return;
  }
  const colour = subjectColour(claims.map((c) => c.subject));
  const subjects = [...new Set(claims.map((c) => c.subject))];
  root.replaceChildren(
    ...head,
    h("p", { "data-testid": "claims-count" }, `${claims.length} claim${claims.length === 1 ? "" : "s"}`),
    claims.length
      ? h("figure", { class: "chart-box" },
          claimsChart(claims, colour),
          h("figcaption", {},
            h("ul", { class: "chart-legend" }, subjects.map((sub) =>
              h("li", {}, h("span", { class: "swatch", style: `background:${colour(sub)}` }), h("a", { href: `#/claims?subject=${encodeURIComponent(sub)}` }, sub || "(no subject)")))),
            h("span", { class: "muted small" }, "Vertical bar: the range of the figure; horizontal bar: the period it covers; dashed arrow: an open bound. Click a point to read its sentence.")))
      : h("p", { class: "muted" }, "No claims match."),
    claims.length
      ? h("div", { class: "table-scroll" }, h("table", { class: "claims-table" },
          h("thead", {}, h("tr", {}, ["Figure", "Range", "Subject", "Period", "Source", "Origin", "Sentence"].map((c) => h("th", {}, c)))),
          h("tbody", {}, claims.map((c) => h("tr", {},
            h("td", {}, h("span", { class: "swatch", style: `background:${colour(c.subject)}` }), c.quantity),
            h("td", { class: "num" }, `${bound(c.low)} – ${bound(c.high)}`),
            h("td", {}, c.subject, c.event ? h("div", { class: "muted small" }, c.event.toLowerCase()) : null),
            h("td", {}, c.time || h("span", { class: "muted" }, formatDate(c.published, false))),
            h("td", {}, c.source),
            h("td", {}, c.origin.join(", ")),
            h("td", { class: "sentence" }, h("a", { href: articleHref(c.article_seq, c.begin) }, c.sentence),
              h("div", { class: "muted small" }, c.article_title)))))))
      : "",
  );
}
