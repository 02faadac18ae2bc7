// The article page: a news-site layout with the analysis highlighted inline,
// the count claims listed, and the related-articles box.

import { get, type Article, type RelatedItem } from "../api";
import { articleHref, entityHref, errorBox, formatDate, formatNumber, h, loading, typeLabel } from "../dom";
import { byteIndex, marksFor, renderParagraph, type Kind } from "../highlight";

const LAYERS: { kind: Kind | "entity"; label: string; cls: string }[] = [
  { kind: "entity", label: "Entities", cls: "hl-entity" },
  { kind: "quote", label: "Quotes", cls: "hl-quote" },
  { kind: "claim", label: "Count claims", cls: "hl-claim" },
  { kind: "timex", label: "Time expressions", cls: "hl-timex" },
];

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

// The lead image lives on the publisher's site; it is fetched only when the
// reader asks, so opening a page never makes a request to another host.
function leadImage(url: string): HTMLElement {
  const fig = h("figure", { class: "lead-image" });
  const button = h(
    "button",
    { type: "button", class: "image-placeholder" },
    h("span", { class: "image-icon", "aria-hidden": "true" }, "▣"),
    h("span", {}, "Lead image from ", h("b", {}, hostOf(url) || "the publisher")),
    h("span", { class: "muted small" }, "Click to load (an external request)"),
  );
  button.addEventListener("click", () => {
    const img = h("img", { src: url, alt: "Lead image", referrerpolicy: "no-referrer" });
    button.replaceWith(img);
  });
  fig.append(button);
  return fig;
}

function relatedBox(title: string, items: RelatedItem[], archive: boolean): HTMLElement {
  return h(
    "section",
    { class: "related", "data-testid": archive ? "related" : "publisher-related" },
    h("h2", {}, title),
    items.length === 0
      ? h("p", { class: "muted" }, "Nothing related yet.")
      : h(
          "ol",
          {},
          items.map((it) =>
            h(
              "li",
              {},
              archive
                ? h("a", { href: articleHref(it.id) }, it.title)
                : h("span", {}, it.title),
              archive ? null : h("span", { class: "muted small" }, ` · publisher id ${it.id}`),
            ),
          ),
        ),
  );
}

function claimsTable(a: Article): HTMLElement | null {
  const claims = a.analysis?.claims ?? [];
  if (claims.length === 0) return null;
  const r = (v: number | null, open: string) => (v === null ? open : formatNumber(v));
  return h(
    "section",
    { class: "article-claims" },
    h("h2", {}, `Count claims (${claims.length})`),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, ["Quantity", "Range", "Subject", "Event", "Time", "Source"].map((c) => h("th", {}, c)))),
        h(
          "tbody",
          {},
          claims.map((c) =>
            h(
              "tr",
              {},
              h("td", {}, h("a", { href: `#claim-${c.begin}`, "data-jump": String(c.begin) }, c.quantity_text)),
              h("td", { class: "num" }, `${r(c.low, "…")} – ${r(c.high, "…")}`),
              h("td", {}, c.subject),
              h("td", {}, c.event?.toLowerCase() ?? ""),
              h("td", {}, c.time ?? ""),
              h("td", {}, c.source ?? ""),
            ),
          ),
        ),
      ),
    ),
  );
}

function entitiesAside(a: Article): HTMLElement | null {
  const ents = [...(a.analysis?.ner?.entities ?? [])].sort((x, y) => y.mentions - x.mentions);
  if (ents.length === 0) return null;
  return h(
    "section",
    { class: "in-article-entities" },
    h("h2", {}, "In this article"),
    h(
      "ul",
      { class: "chips" },
      ents.slice(0, 16).map((e) =>
        h(
          "li",
          {},
          h("a", { class: `chip hl-${e.type}`, href: entityHref(e.key), title: typeLabel(e.type) }, e.canonical, h("small", {}, ` ${e.mentions}`)),
        ),
      ),
    ),
  );
}

export async function articlePage(root: HTMLElement, id: string, params: URLSearchParams) {
  root.replaceChildren(loading());
  let a: Article;
  try {
    a = await get<Article>(`articles/${encodeURIComponent(id)}`);
  } catch (e) {
    root.replaceChildren(errorBox(e));
    return;
  }
  document.title = `${a.title} — Wirewatch`;
  const text = a.paragraphs.join("\n\n");
  const analysis = a.analysis ?? {};
  const marks = marksFor(text, analysis);

  // ?at=<byte offset>: a claim (or quote) to show; its sentence is marked.
  let target: { begin: number; end: number } | null = null;
  const atParam = params.get("at");
  const map = byteIndex(text);
  if (atParam !== null && /^\d+$/.test(atParam)) {
    const at = Number(atParam);
    const sent = analysis.ner?.sentences.find((s) => s.begin <= at && at < s.end);
    if (sent) target = { begin: map[sent.begin], end: map[Math.min(sent.end, map.length - 1)] };
  }

  const body = h("div", { class: "article-body", "data-testid": "article-body" });
  let offset = 0;
  for (const para of a.paragraphs) {
    body.append(renderParagraph(text, offset, offset + para.length, marks, target));
    offset += para.length + 2;
  }

  const legend = h(
    "div",
    { class: "legend", role: "group", "aria-label": "Highlights" },
    LAYERS.map((l) => {
      const box = h("input", { type: "checkbox", checked: true, "data-layer": l.kind });
      box.addEventListener("change", () => body.classList.toggle(`hide-${l.kind}`, !box.checked));
      const count = l.kind === "entity" ? analysis.ner?.mentions.length ?? 0
        : l.kind === "quote" ? analysis.quotes?.length ?? 0
        : l.kind === "claim" ? analysis.claims?.length ?? 0
        : analysis.timexes?.length ?? 0;
      const types = l.kind === "entity"
        ? h("span", { class: "legend-types" }, ["PER", "ORG", "LOC", "MISC"].map((t) =>
            h("span", { class: `hl-${t}`, title: typeLabel(t) }, typeLabel(t))))
        : null;
      return h("label", { class: `legend-item` }, box, h("span", { class: l.cls }, l.label), types, h("small", { class: "muted" }, ` ${count}`));
    }),
  );

  const site = a.site || hostOf(a.url) || a.source;
  const byline = h(
    "p",
    { class: "byline" },
    a.authors.length ? h("span", { class: "authors" }, "By ", a.authors.join(", ")) : null,
    a.authors.length ? " · " : null,
    h("span", { class: "site" }, site),
    a.published ? [" · ", h("time", { datetime: a.published.value }, formatDate(a.published.value))] : null,
  );

  const related = h("div", { class: "related-col" }, h("section", { class: "related" }, h("h2", {}, "Related"), loading()));
  const entities = entitiesAside(a);

  root.replaceChildren(
    h(
      "div",
      { class: "article-layout" },
      h(
        "article",
        { class: "article" },
        h("p", { class: "kicker" }, a.format.replace(/_/g, " "), a.lang ? ` · ${a.lang}` : ""),
        h("h1", { class: "headline" }, a.title),
        a.description ? h("p", { class: "standfirst" }, a.description) : null,
        byline,
        a.image ? leadImage(a.image) : null,
        legend,
        body,
        claimsTable(a),
        h(
          "p",
          { class: "muted small provenance" },
          a.url ? ["Original: ", h("span", { class: "url" }, a.url), " · "] : null,
          `Source ${a.source} · id ${a.id} · seq ${a.seq}`,
        ),
      ),
      h("aside", { class: "article-aside" }, related, entities),
    ),
  );

  document.querySelectorAll<HTMLAnchorElement>("a[data-jump]").forEach((link) =>
    link.addEventListener("click", (ev) => {
      ev.preventDefault();
      document.getElementById(`claim-${link.dataset.jump}`)?.scrollIntoView({ block: "center" });
    }),
  );
  if (target) {
    const el = body.querySelector(".target");
    el?.scrollIntoView({ block: "center" });
  } else {
    window.scrollTo(0, 0);
  }

  // The two related widgets: computed from the archive, and the publisher's
  // own when the page had one.
  try {
    const [archive, publisher] = await Promise.all([
      get<RelatedItem[]>(`articles/${a.id}/related`, { k: 4 }),
      get<RelatedItem[]>(`articles/${a.id}/related`, { k: 4, source: "publisher" }),
    ]);
    related.replaceChildren(
      relatedBox("Related in the archive", archive, true),
      publisher.length ? relatedBox("Related on the publisher's page", publisher, false) : "",
    );
  } catch (e) {
    related.replaceChildren(errorBox(e));
  }
}
