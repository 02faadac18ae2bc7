// One entity: mentions over time, the quotes attributed to it, its articles.

import { get, type EntityDetail } from "../api";
import { mentionsChart } from "../chart";
import { articleHref, errorBox, formatDate, h, loading, typeLabel } from "../dom";

export async function entityPage(root: HTMLElement, key: string) {
  root.replaceChildren(loading());
  let e: EntityDetail;
  try {
    e = await get<EntityDetail>(`entities/${encodeURIComponent(key)}`, { limit: 200 });
  } catch (err) {
    root.replaceChildren(errorBox(err));
    return;
  }
  document.title = `${e.name} — Wirewatch`;
  // Days when they fit on a chart, months beyond.
  const useDays = e.days.length <= 60;
  root.replaceChildren(
    h("p", { class: "kicker" }, h("a", { href: `#/entities?type=${e.type}` }, typeLabel(e.type))),
    h("h1", { class: "page-title" }, e.name),
    h("p", { class: "muted" }, `${e.mentions} mention${e.mentions === 1 ? "" : "s"} in ${e.articles} article${e.articles === 1 ? "" : "s"} · `,
      h("a", { href: `#/search?q=${encodeURIComponent("entity:" + (/\s/.test(e.key) ? `"${e.key.toLowerCase()}"` : e.key.toLowerCase()))}` }, "search its articles")),
    h("section", { class: "chart-box" },
      h("h2", {}, `Mentions per ${useDays ? "day" : "month"}`),
      (useDays ? e.days : e.months).length
        ? mentionsChart(useDays ? e.days : e.months, useDays ? "day" : "month")
        : h("p", { class: "muted" }, "No dated articles.")),
    h("div", { class: "two-col" },
      h("section", { class: "quotes", "data-testid": "entity-quotes" },
        h("h2", {}, `Quotes attributed (${e.quotes.length})`),
        e.quotes.length === 0
          ? h("p", { class: "muted" }, "No quotes attributed to this entity.")
          : e.quotes.map((q) => h("blockquote", { class: "quote" },
              h("p", {}, "“", q.text, "”"),
              h("footer", {}, `— ${q.speaker_text}, ${q.cue} · `,
                h("a", { href: articleHref(q.article_seq, q.begin) }, q.article_title),
                q.published ? ` · ${formatDate(q.published, false)}` : "")))),
      h("section", {},
        h("h2", {}, "Articles"),
        h("ul", { class: "article-list compact" }, e.in_articles.map((a) =>
          h("li", {}, h("a", { class: "item-title", href: articleHref(a.seq) }, a.title),
            h("p", { class: "meta" }, a.site || "unknown site", a.published ? ` · ${formatDate(a.published, false)}` : "",
              ` · ${a.mentions} mention${a.mentions === 1 ? "" : "s"}`)))))),
  );
}
