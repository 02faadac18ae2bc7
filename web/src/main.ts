// The Wirewatch UI: hash routes over the JSON API.
//   #/                       articles, newest first (?offset, ?site)
//   #/article/<seq|id>       one article (?at=<byte offset> marks a sentence)
//   #/search?q=              search with facets
//   #/entities, #/entity/<key>
//   #/claims?subject=...     the claims ledger and its timeline
//   #/stories

import "./style.css";
import { articlePage } from "./pages/article";
import { claimsPage } from "./pages/claims";
import { entityPage } from "./pages/entity";
import { articlesPage, entitiesPage, storiesPage } from "./pages/lists";
import { searchPage } from "./pages/search";

const root = document.getElementById("app")!;

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const qAt = hash.indexOf("?");
  const path = qAt >= 0 ? hash.slice(0, qAt) : hash;
  const params = new URLSearchParams(qAt >= 0 ? hash.slice(qAt + 1) : "");
  const parts = path.split("/").filter(Boolean).map((p) => decodeURIComponent(p));
  const section = parts[0] ?? "articles";
  document.querySelectorAll<HTMLAnchorElement>("[data-nav]").forEach((a) =>
    a.classList.toggle("active", a.dataset.nav === section ||
      (a.dataset.nav === "entities" && section === "entity") ||
      (a.dataset.nav === "articles" && section === "article")));
  root.dataset.page = section;
  switch (section) {
    case "articles":
      return articlesPage(root, params);
    case "article":
      return articlePage(root, parts[1] ?? "", params);
    case "search":
      return searchPage(root, params);
    case "entities":
      return entitiesPage(root, params);
    case "entity":
      return entityPage(root, parts.slice(1).join("/"));
    case "claims":
      return claimsPage(root, params);
    case "stories":
      return storiesPage(root);
    default:
      root.replaceChildren(Object.assign(document.createElement("p"), { textContent: "No such page." }));
  }
}

document.querySelector<HTMLFormElement>(".quick-search")?.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = new FormData(ev.target as HTMLFormElement).get("q");
  location.hash = `#/search?q=${encodeURIComponent(String(q ?? "").trim())}`;
});

window.addEventListener("hashchange", () => void route());
void route();
