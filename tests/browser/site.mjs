// Drives Debian's Chromium over generated documentation sites and prints what it saw as JSON.
// Usage: node site.mjs PLAN.json — the plan names the sites, pages, searches, addresses and
// the screenshot folder; the Python tests decide what the results must be.
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));

const browser = await chromium.launch({
  executablePath: plan.chromium,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
const url = (site, page) => {
  const [file, anchor] = page.split("#");
  return pathToFileURL(path.join(site, file)).href + (anchor ? "#" + anchor : "");
};
const out = { pages: {}, searches: [], addresses: [], diagram: [], texts: {}, screenshots: [], print: [] };

async function open(site, page) {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  tab.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(m.text()); });
  tab.on("pageerror", (e) => errors.push(String(e)));
  tab.on("requestfailed", (r) => errors.push("request failed: " + r.url()));
  await tab.goto(url(site, page), { waitUntil: "load" });
  return { tab, errors };
}

async function axe(tab) {
  await tab.addScriptTag({ content: axeSource });
  return tab.evaluate(async () => {
    const result = await window.axe.run(document, {
      preload: false,  // axe would fetch the stylesheets again, which file:// forbids
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
}

for (const page of plan.pages) {
  const { tab, errors } = await open(plan.site, page);
  const title = await tab.title();
  const violations = await axe(tab);
  out.pages[page] = { title, errors, violations };
  await tab.close();
}

for (const query of plan.searches) {
  const { tab, errors } = await open(plan.site, "index.html");
  await tab.fill("#q", query);
  const hrefs = await tab.$$eval("#results a", (as) => as.map((a) => a.getAttribute("href")));
  const status = await tab.textContent("#q-status");
  out.searches.push({ query, hrefs, status, errors });
  await tab.close();
}

for (const address of plan.addresses) {
  const { tab, errors } = await open(plan.site, address);
  const seen = await tab.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const row = document.getElementById(id);
    if (!row) return { found: false };
    const box = row.getBoundingClientRect();
    const shown = row.contains(document.elementFromPoint(box.left + 4, box.top + 4));  // not under the header
    return { found: true, target: row.matches(":target"), top: box.top, inView: box.top >= 0 && box.bottom <= innerHeight, shown,
             scrolled: scrollY, text: row.innerText };
  });
  out.addresses.push({ address, errors, ...seen });
  await tab.close();
}

for (const page of plan.diagrams) {
  const { tab } = await open(plan.site, page);
  const edges = await tab.$$eval("svg.migration path.edge", (ps) => ps.map((p) => [p.dataset.from, p.dataset.to]));
  const nodes = await tab.$$eval("svg.migration a.node", (as) => as.map((a) => [a.dataset.key, a.getAttribute("href")]));
  out.diagram.push({ page, edges, nodes });
  if (plan.screenshots) {
    mkdirSync(plan.screenshots, { recursive: true });
    const file = path.join(plan.screenshots, "migration-diagram.png");
    await tab.locator("svg.migration").first().screenshot({ path: file });
    out.screenshots.push(file);
  }
  await tab.close();
}

for (const page of plan.print || []) {
  const { tab, errors } = await open(plan.site, page);
  await tab.emulateMedia({ media: "print" });
  const seen = await tab.evaluate(() => ({
    chunks: [...document.querySelectorAll(".chunk")].map((c) => getComputedStyle(c).contentVisibility),
    headers: [...new Set([...document.querySelectorAll("thead th")].map((th) => getComputedStyle(th).position))],
  }));
  const pdf = await tab.pdf({ format: "A4" });
  out.print.push({ page, errors, ...seen, pdfBytes: pdf.length });
  await tab.close();
}

for (const [page, ids] of Object.entries(plan.texts || {})) {
  const { tab, errors } = await open(plan.textSite, page);
  const cells = await tab.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const row = document.getElementById(id);
    return [id, row ? row.cells[2].firstChild.textContent : null];
  })), ids);
  const elements = await tab.evaluate(() => [...new Set([...document.querySelectorAll("body *")].map((e) => e.localName))].sort());
  out.texts[page] = { cells, elements, errors };
  await tab.close();
}

if (plan.screenshots) {
  mkdirSync(plan.screenshots, { recursive: true });
  for (const [name, page] of Object.entries(plan.shots)) {
    const { tab } = await open(plan.site, page);
    const file = path.join(plan.screenshots, name + ".png");
    await tab.screenshot({ path: file, fullPage: false });
    out.screenshots.push(file);
    await tab.close();
  }
}

await browser.close();
process.stdout.write(JSON.stringify(out));
