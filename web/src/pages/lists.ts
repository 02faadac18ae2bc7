// The home page (articles, newest first), stories and the entity index.

import { get, type ArticleList, type ArticleSummary, type EntityCount, type Story } from "../api";
import { articleHref, entityHref, errorBox, formatDate, h, loading, typeLabel } from "../dom";

const PAGE = 20;

export async function articlesPage(root: HTMLElement, params: URLSearchParams) {
  root.replaceChildren(loading());
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);
  const site = params.get("site") ?? "";
  let list: ArticleList;
  try {
    list = await get<ArticleList>("articles", { offset, limit: PAGE, site });
  } catch (e) {
    root.replaceChildren(errorBox(e));
    return;
  }
  document.title = "Articles — Wirewatch";
  const link = (o: number) => `#/?offset=${o}${site ? `&site=${encodeURIComponent(site)}` : ""}`;
  const [lead, ...rest] = list.articles;
  root.replaceChildren(
    h("h1", { class: "page-title" }, site ? `Articles from ${site}` : "Latest in the archive"),
    h("p", { class: "muted" }, `${list.total} article${list.total === 1 ? "" : "s"}, most recently ingested first`,
      site ? [" · ", h("a", { href: "#/" }, "all sites")] : null),
    lead
      ? h(
          "ul",
          { class: "article-list", "data-testid": "article-list" },
          [lead, ...rest].map((a, i) =>
            h(
              "li",
              { class: i === 0 && offset === 0 ? "lead-item" : "" },
              h("a", { class: "item-title", href: articleHref(a.seq) }, a.title || "(untitled)"),
              h(
                "p",
                { class: "meta" },
                a.site ? h("a", { href: `#/?site=${encodeURIComponent(a.site)}` }, a.site) : h("span", { class: "muted" }, "unknown site"),
                a.published ? ` · ${formatDate(a.published)}` : "",
                a.lang ? ` · ${a.lang}` : "",
              ),
            ),
          ),
        )
      : h("p", {}, "No articles yet: run ", h("code", {}, "wirewatch ingest"), "."),
    h(
      "nav",
      { class: "pager" },
      offset > 0 ? h("a", { href: link(Math.max(0, offset - PAGE)) }, "← Newer") : h("span", {}),
      offset + PAGE < list.total ? h("a", { href: link(offset + PAGE) }, "Older →") : h("span", {}),
    ),
  );
}

export async function storiesPage(root: HTMLElement) {
  root.replaceChildren(loading());
  let stories: Story[];
  try {
    stories = (await get<{ stories: Story[] }>("stories", { limit: 100 })).stories;
  } catch (e) {
    root.replaceChildren(errorBox(e));
    return;
  }
  document.title = "Stories — Wirewatch";
  root.replaceChildren(
    h("h1", { class: "page-title" }, "Stories"),
    h("p", { class: "muted" }, "Articles about the same event, clustered as they were ingested; largest first."),
    h(
      "ul",
      { class: "story-list", "data-testid": "story-list" },
      stories.map((st) => {
        const [terms, ents] = st.label.split("|").map((x) => x.trim());
        const members = h("ol", { class: "story-members", "data-story": String(st.id) });
        // The members of multi-article stories, one request each.
        if (st.size > 1)
          void get<{ articles: ArticleSummary[] }>(`stories/${st.id}`, { limit: 20 }).then((r) =>
            members.replaceChildren(...r.articles.map((a) =>
              h("li", {}, h("a", { href: articleHref(a.seq) }, a.title),
                h("span", { class: "muted small" }, ` · ${a.site || "unknown site"}${a.published ? " · " + formatDate(a.published, false) : ""}`)))),
          ).catch(() => members.replaceChildren());
        return h(
          "li",
          { class: "story" },
          h("div", { class: "story-size", title: "articles in the story" }, String(st.size)),
          h(
            "div",
            {},
            h("a", { class: "item-title", href: articleHref(st.first_seq) }, st.first_title),
            h("p", { class: "meta" },
              st.first_date === st.last_date ? formatDate(st.first_date) : `${formatDate(st.first_date)} – ${formatDate(st.last_date)}`,
              ` · ${st.size} article${st.size === 1 ? "" : "s"}`),
            h(
              "p",
              { class: "story-label" },
              (terms ?? "").split(",").filter(Boolean).map((t) =>
                h("a", { class: "term", href: `#/search?q=${encodeURIComponent(t.trim())}` }, t.trim())),
              (ents ?? "").split(",").filter(Boolean).map((k) =>
                h("a", { class: `chip hl-${k.trim().split(":")[0].toUpperCase()}`, href: entityHref(k.trim()) }, k.trim().split(":")[1] ?? k)),
            ),
            members,
          ),
        );
      }),
    ),
  );
}

export async function entitiesPage(root: HTMLElement, params: URLSearchParams) {
  root.replaceChildren(loading());
  const type = params.get("type") ?? "";
  let ents: EntityCount[];
  try {
    ents = (await get<{ entities: EntityCount[] }>("entities", { type, top: 200 })).entities;
  } catch (e) {
    root.replaceChildren(errorBox(e));
    return;
  }
  document.title = "Entities — Wirewatch";
  const tabs = ["", "PER", "ORG", "LOC", "MISC"];
  root.replaceChildren(
    h("h1", { class: "page-title" }, "Entities"),
    h("nav", { class: "tabs" }, tabs.map((t) =>
      h("a", { href: `#/entities${t ? "?type=" + t : ""}`, class: t === type ? "active" : "" }, t ? typeLabel(t) + "s" : "all"))),
    h(
      "table",
      { class: "entity-table" },
      h("thead", {}, h("tr", {}, h("th", {}, "Name"), h("th", {}, "Type"), h("th", { class: "num" }, "Mentions"), h("th", { class: "num" }, "Articles"))),
      h("tbody", {}, ents.map((e) =>
        h("tr", {},
          h("td", {}, h("a", { href: entityHref(e.key) }, e.name)),
          h("td", {}, h("span", { class: `tag hl-${e.type}` }, typeLabel(e.type))),
          h("td", { class: "num" }, e.mentions),
          h("td", { class: "num" }, e.articles)))),
    ),
  );
}
