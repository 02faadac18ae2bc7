// Browser tests of the web UI: Playwright (playwright-core) driving the
// system Chromium (/usr/bin/chromium, or $CHROMIUM) against a running
// `wirewatch serve` on an archive of the bundled examples/.
//
//   WIREWATCH_URL=http://127.0.0.1:PORT/ npm test     (in web/)
//
// scripts/ui_test.sh builds the UI, ingests examples/, starts the server,
// runs this file and stops the server. Screenshots go to
// $WIREWATCH_UI_ARTIFACTS (default ../build/ui-artifacts); with
// $WIREWATCH_DOC_SHOTS set, the article and claims pages are also saved
// there as article.png and claims.png (how docs/screenshots/ is made).

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = process.env.WIREWATCH_URL;
const ARTIFACTS = process.env.WIREWATCH_UI_ARTIFACTS ?? path.join(here, "..", "..", "build", "ui-artifacts");
const SEED_TITLE = "Russia, Syria exchange data on foreign militants";

if (!BASE) throw new Error("set WIREWATCH_URL to a running `wirewatch serve` (scripts/ui_test.sh does)");
const origin = new URL(BASE).origin;

let browser;
let context;
let page;
const foreign = []; // requests that left the server's origin
const consoleErrors = [];

async function shot(name, p = page) {
  await p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// One screen of the page (not the full length), for the docs.
async function docShot(name) {
  const dir = process.env.WIREWATCH_DOC_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

async function api(p) {
  const res = await fetch(new URL(p, origin));
  assert.equal(res.status, 200, p);
  return res.json();
}

async function open(hash) {
  await page.goto(`${origin}/${hash}`);
  await page.waitForSelector("main#app > :not(.loading)");
  await page.waitForFunction(() => !document.querySelector("main#app .loading"));
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--font-render-hinting=none"],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  // Nothing may be fetched from anywhere but the server: block and record.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:")) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
});

after(async () => {
  await browser?.close();
});

describe("wirewatch web UI", () => {
  test("the home page lists the archive's articles, newest first", async () => {
    const list = await api("/api/articles?limit=100");
    await open("#/");
    const titles = await page.locator("[data-testid=article-list] .item-title").allTextContents();
    assert.equal(titles.length, Math.min(20, list.total));
    assert.deepEqual(titles, list.articles.slice(0, 20).map((a) => a.title || "(untitled)"));
    await shot("home");
  });

  test("the seed article: text, byline, 7 highlighted claims, related box", async () => {
    await open("#/");
    await page.getByRole("link", { name: SEED_TITLE }).click();
    await page.waitForSelector("h1.headline");
    assert.equal(await page.locator("h1.headline").textContent(), SEED_TITLE);
    assert.match(await page.locator(".byline time").textContent(), /12 July 2013/);
    // The body is the stored text.
    const body = await page.locator("[data-testid=article-body]").innerText();
    assert.match(body, /^Russian and Syrian special services are exchanging data/);

    // Every count claim is highlighted exactly where the analysis put it.
    const seed = await api(`/api/articles/${page.url().split("/article/")[1]}`);
    const claims = seed.analysis.claims;
    assert.equal(claims.length, 7);
    const marked = await page.locator(".hl-claim[id^=claim-]").evaluateAll((els) => els.map((e) => e.textContent));
    assert.equal(marked.length, 7);
    assert.deepEqual(marked, claims.map((c) => c.quantity_text));
    assert.ok(marked.includes("hundreds") && marked.includes("up to 600") && marked.includes("at least 17"));
    // The other layers are there too.
    assert.ok((await page.locator(".article-body .hl-entity").count()) >= 10);
    assert.ok((await page.locator(".article-body .hl-quote").count()) >= 1);
    assert.ok((await page.locator(".article-body .hl-timex").count()) >= 1);
    assert.equal(await page.locator(".article-claims tbody tr").count(), 7);
    // A mention links to its entity page.
    const russia = page.locator(".article-body a.hl-entity", { hasText: /^Russia$/ }).first();
    assert.match(await russia.getAttribute("href"), /^#\/entity\/LOC%3Arussia$/);

    // The related box: the archive's widget and the publisher's own.
    const related = page.locator("[data-testid=related] li a");
    await related.first().waitFor();
    const widget = await api(`/api/articles/${seed.id}/related?k=4`);
    assert.deepEqual(await related.allTextContents(), widget.map((w) => w.title));
    assert.equal(widget.length, 4);
    const publisher = await page.locator("[data-testid=publisher-related] li > span:first-child").allTextContents();
    assert.deepEqual(publisher, [
      "Russia: arming Syria rebels contradicts peace talks",
      "Syria militants used sarin in Aleppo: Russia",
      "Israel to negotiate Russia over Syria S-300 missiles",
      "Russia raps West's chemical propaganda on Syria",
    ]);
    await shot("article-seed");
    await docShot("article");

    // Turning a layer off removes its highlighting.
    await page.locator("input[data-layer=claim]").uncheck();
    assert.equal(await page.locator(".article-body.hide-claim").count(), 1);

    // Following a related article opens it.
    await related.first().click();
    await page.waitForFunction((t) => document.querySelector("h1.headline")?.textContent === t, widget[0].title);
  });

  test("an article with a lead image loads nothing external until asked", async () => {
    const list = await api("/api/articles?limit=100");
    const s300 = list.articles.find((a) => a.title.startsWith("Israel to negotiate"));
    await open(`#/article/${s300.seq}`);
    await page.waitForSelector(".lead-image .image-placeholder");
    assert.match(await page.locator(".lead-image").innerText(), /mideast\.example\.net/);
    assert.match(await page.locator(".byline").innerText(), /By David Cohen/);
  });

  test("search shows highlighted snippets and facets that narrow it", async () => {
    await open("#/search");
    await page.locator(".search-form input").fill("militants");
    await page.locator(".search-form button").click();
    await page.waitForSelector("[data-testid=hits] li");
    const expected = await api("/api/search?q=militants&k=50");
    assert.equal(await page.locator("[data-testid=hits] li").count(), expected.hits.length);
    assert.ok(expected.hits.length >= 2);
    const marks = await page.locator("[data-testid=hits] .snippet mark").allTextContents();
    assert.ok(marks.length >= 1 && marks.every((m) => /militant/i.test(m)), marks.join(","));
    assert.ok((await page.locator("[data-testid=facets] .facet").count()) === 3);
    await shot("search");
    // The Aleppo facet keeps only the sarin article.
    await page.locator("[data-testid=facets] .facet a", { hasText: /^aleppo$/ }).click();
    await page.waitForFunction(() => location.hash.includes("entity%3Aloc%3Aaleppo"));
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=hits] li").length === 1);
    assert.equal(await page.locator("[data-testid=hits] .item-title").textContent(),
      "Syria militants used sarin in Aleppo: Russia");
  });

  test("the claims page draws one linked point per dated claim", async () => {
    const ledger = (await api("/api/claims?limit=500")).claims;
    const drawable = ledger.filter((c) => (c.time_first || c.published) && (c.low !== null || c.high !== null));
    assert.ok(drawable.length >= 7);
    await open("#/claims");
    await page.waitForSelector("[data-testid=claim-point]");
    const points = page.locator("[data-testid=claim-point]");
    assert.equal(await points.count(), drawable.length);
    assert.equal(await page.locator(".claims-table tbody tr").count(), ledger.length);
    // Open bounds are drawn as dashed arrows.
    const open_ = ledger.filter((c) => c.low === null || c.high === null).length;
    assert.equal(await page.locator(".claim-point .range.open").count(), open_);
    await shot("claims");
    await docShot("claims");

    // Filter by subject, then follow a point to its sentence.
    await page.locator("[data-testid=claim-filters] input[name=subject]").fill("militant");
    await page.locator("[data-testid=claim-filters] button[type=submit]").click();
    await page.waitForFunction(() => location.hash.includes("subject=militant"));
    const militants = (await api("/api/claims?subject=militant&limit=500")).claims;
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=claim-point]").length === n, militants.length);
    await shot("claims-militant");
    const upTo600 = militants.find((c) => c.quantity === "up to 600");
    assert.ok(upTo600, "the seed's 'up to 600' claim is in the ledger");
    const point = page.locator(`[data-testid=claim-point][data-begin="${upTo600.begin}"][data-article="${upTo600.article_seq}"]`);
    assert.equal(await point.count(), 1);
    await point.locator("circle").click();
    await page.waitForSelector(".article-body .target");
    const sentence = (await page.locator(".article-body .target").allTextContents()).join("");
    assert.equal(sentence.replace(/\s+/g, " ").trim(), upTo600.sentence.replace(/\s+/g, " ").trim());
    assert.ok(sentence.includes("up to 600"));
  });

  test("an entity page has its mentions chart, quotes and articles", async () => {
    await open("#/entity/PER%3Avitaly%20churkin");
    await page.waitForSelector("h1.page-title");
    assert.equal(await page.locator("h1.page-title").textContent(), "Vitaly Churkin");
    assert.equal(await page.locator(".mentions-chart rect.bar").count(), 1);
    const quotes = await page.locator("[data-testid=entity-quotes] blockquote").allInnerTexts();
    assert.equal(quotes.length, 2);
    assert.match(quotes[0], /samples had been collected/);

    const syria = await api("/api/entities/LOC%3Asyria");
    await open("#/entity/LOC%3Asyria");
    await page.waitForSelector(".mentions-chart");
    assert.equal(await page.locator(".mentions-chart rect.bar").count(), syria.days.length);
    assert.equal(await page.locator(".article-list .item-title").count(), syria.in_articles.length);
    await shot("entity-syria");
  });

  test("the stories and entities pages render the archive's clusters", async () => {
    const stories = (await api("/api/stories?limit=100")).stories;
    await open("#/stories");
    assert.equal(await page.locator("[data-testid=story-list] > li").count(), stories.length);
    assert.equal(await page.locator("[data-testid=story-list] .item-title").first().textContent(), stories[0].first_title);
    // A story of several articles lists them all.
    const members = (await api(`/api/stories/${stories[0].id}`)).articles;
    assert.equal(members.length, stories[0].size);
    const shown = page.locator(`.story-members[data-story="${stories[0].id}"] li a`);
    await shown.nth(members.length - 1).waitFor();
    assert.deepEqual(await shown.allTextContents(), members.map((a) => a.title));
    await shot("stories");
    await open("#/entities?type=PER");
    assert.ok((await page.locator(".entity-table tbody tr").count()) >= 1);
  });

  test("on a phone the article page fits the screen", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    await p.goto(`${origin}/#/article/2`);
    await p.waitForSelector("[data-testid=related] li");
    // A mobile browser widens the layout viewport to fit wide content, so
    // check both the viewport and the widest element against the screen.
    const widths = await p.evaluate(() => ({
      inner: window.innerWidth,
      scroll: document.documentElement.scrollWidth,
      // Wide tables scroll inside their own box.
      widest: Math.max(...[...document.querySelectorAll("main *")]
        .filter((e) => !e.closest(".table-scroll"))
        .map((e) => e.getBoundingClientRect().right)),
    }));
    assert.equal(widths.inner, 390);
    assert.ok(widths.scroll <= 390, `page is ${widths.scroll}px wide`);
    assert.ok(widths.widest <= 390, `an element reaches ${widths.widest}px`);
    await p.screenshot({ path: path.join(ARTIFACTS, "article-phone.png"), fullPage: false });
    await phone.close();
  });

  test("no request left the server and no script error happened", () => {
    assert.deepEqual(foreign, []);
    assert.deepEqual(consoleErrors, []);
  });
});
