// Search with facets and highlighted snippets (GET /api/search).

import { get, type Facet, type SearchResult } from "../api";
import { articleHref, entityHref, errorBox, formatDate, h, loading } from "../dom";

// The server HTML-escapes snippets and adds only <b>…</b> around matches;
// rebuild them from text nodes anyway so no markup can get through.
function snippet(html: string): HTMLElement {
  const out = h("p", { class: "snippet" });
  const decode = (t: string) =>
    t.replace(/&(lt|gt|amp|quot|#39|apos);/g, (_, e: string) =>
      ({ lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'", apos: "'" })[e] ?? "");
  html.split(/(<b>.*?<\/b>)/g).forEach((part) => {
    const m = /^<b>(.*)<\/b>$/.exec(part);
    out.append(m ? h("mark", {}, decode(m[1])) : decode(part));
  });
  return out;
}

function quoteValue(v: string): string {
  return /[\s"]/.test(v) ? `"${v.replace(/"/g, "")}"` : v;
}

function facetBox(title: string, facets: Facet[], q: string, toTerm: (v: string) => string, label = (v: string) => v) {
  return h(
    "section",
    { class: "facet" },
    h("h3", {}, title),
    facets.length === 0
      ? h("p", { class: "muted small" }, "—")
      : h("ul", {}, facets.map((f) => {
          const term = toTerm(f.value);
          const active = q.includes(term);
          return h("li", {},
            h("a", { href: `#/search?q=${encodeURIComponent(active ? q : `${q} ${term}`.trim())}`, class: active ? "active" : "" },
              label(f.value) || h("i", { class: "muted" }, "(none)")),
            h("span", { class: "count" }, f.count));
        })),
  );
}

export async function searchPage(root: HTMLElement, params: URLSearchParams) {
  const q = (params.get("q") ?? "").trim();
  const input = h("input", { type: "search", name: "q", value: q, placeholder: 'chemical weapons, "foreign militants", entity:loc:aleppo', "aria-label": "Query" });
  const form = h("form", { class: "search-form", role: "search" }, input, h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = `#/search?q=${encodeURIComponent(input.value.trim())}`;
  });
  const help = h("p", { class: "muted small" },
    "Words, \"phrases\", OR, -word, prefix*, site:, lang:, entity:, from:YYYY-MM, to:YYYY-MM.");
  document.title = q ? `${q} — Search — Wirewatch` : "Search — Wirewatch";
  if (!q) {
    root.replaceChildren(h("h1", { class: "page-title" }, "Search"), form, help);
    input.focus();
    return;
  }
  root.replaceChildren(h("h1", { class: "page-title" }, "Search"), form, help, loading());
  let r: SearchResult;
  try {
    r = await get<SearchResult>("search", { q, k: 50 });
  } catch (e) {
    root.replaceChildren(h("h1", { class: "page-title" }, "Search"), form, help, errorBox(e));
    return;
  }
  const entLabel = (v: string) => v.slice(v.indexOf(":") + 1);
  root.replaceChildren(
    h("h1", { class: "page-title" }, "Search"),
    form,
    help,
    h(
      "div",
      { class: "search-layout" },
      h(
        "div",
        { class: "results" },
        h("p", { class: "muted", "data-testid": "search-total" }, `${r.total} match${r.total === 1 ? "" : "es"}`),
        h("ol", { class: "hits", "data-testid": "hits" }, r.hits.map((hit) =>
          h("li", {},
            h("a", { class: "item-title", href: articleHref(hit.seq) }, hit.title || "(untitled)"),
            h("p", { class: "meta" }, hit.site || "unknown site", hit.published ? ` · ${formatDate(hit.published)}` : "",
              h("span", { class: "score" }, ` · score ${hit.score.toFixed(2)}`)),
            snippet(hit.snippet)))),
      ),
      h(
        "aside",
        { class: "facets", "data-testid": "facets" },
        facetBox("Entities", r.facets.entities, q, (v) => `entity:${quoteValue(v)}`, entLabel),
        facetBox("Sites", r.facets.sites.filter((f) => f.value), q, (v) => `site:${quoteValue(v)}`),
        facetBox("Months", r.facets.months, q, (v) => `from:${v} to:${v}`, (v) => formatDate(v)),
        r.facets.entities.length
          ? h("p", { class: "small" }, "Entity pages: ",
              r.facets.entities.slice(0, 5).flatMap((f, i) => [i ? ", " : "", h("a", { href: entityHref(f.value) }, entLabel(f.value))]))
          : null,
      ),
    ),
  );
}
