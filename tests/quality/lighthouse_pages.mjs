// Lighthouse on several pages in one Node process and one Chromium, as the CLI would run them one
// by one (same mobile defaults, same Chrome flags, a clean origin and cache for every page).
// The CLI spends about 4 s a page starting Node, loading Lighthouse, starting Chromium and
// waiting for its own timers before it exits; a batch pays that once.
//
// Usage: CHROME_PATH=... node lighthouse_pages.mjs <categories> <url> <report base> [<url> <report base> ...]
// Writes <report base>.report.json and .report.html per page, or <report base>.error.txt.
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher"; // Lighthouse's own launcher (pinned by package-lock.json)
import lighthouse from "lighthouse";

const [categories, ...pairs] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({ chromeFlags: ["--headless=new", "--no-sandbox"] });
let failed = 0;
try {
  for (let index = 0; index < pairs.length; index += 2) {
    const [url, base] = [pairs[index], pairs[index + 1]];
    try {
      const flags = { port: chrome.port, output: ["json", "html"], onlyCategories: categories.split(","), logLevel: "error" };
      const result = await lighthouse(url, flags);
      writeFileSync(`${base}.report.json`, result.report[0]);
      writeFileSync(`${base}.report.html`, result.report[1]);
    } catch (error) {
      failed += 1;
      writeFileSync(`${base}.error.txt`, String((error && error.stack) || error));
    }
  }
} finally {
  chrome.kill();
}
process.exit(failed ? 1 : 0); // now: Lighthouse leaves timers that would keep Node up for seconds
