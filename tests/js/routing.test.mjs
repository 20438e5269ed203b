// Unit tests of the browser's partner routing (plugins/partner_directory/static/routing.mjs).
// Its agreement with the Python `route` over every ZIP code is tested in
// tests/partners/test_routing_parity.py; these pin the rules on a small table.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  createRouter,
  expandRuns,
  hasLocation,
  normaliseZip,
  route,
  routeEnquiry,
} from "../../plugins/partner_directory/static/routing.mjs";

const card = (name) => ({ name, title: "Partner", city: "X", state: "CO", phone: "1", phoneUri: "tel:1", url: `/partners/${name}/`, image: "", bookingUrl: null });

const LOOKUP = {
  headOffice: "hq",
  partners: { hq: card("hq"), denver: card("denver"), houston: card("houston"), austin: card("austin") },
  stateCodes: "CO NE TX",
  states: { CO: "denver", TX: "austin" },
  routes: [
    { partner: "denver", rule: "state", prefixes: "800-802", zips: "" },
    { partner: "houston", rule: "zip-prefix", prefixes: "770", zips: "" },
    { partner: "austin", rule: "state", prefixes: "750", zips: "" },
    { partner: "denver", rule: "nearest", prefixes: "680", zips: "" },
    { partner: "austin", rule: "nearest", prefixes: "", zips: "68099 68101-68102" },
  ],
};

const router = createRouter(LOOKUP);

test("expandRuns reads the ranges the build writes, keeping leading zeros", () => {
  assert.deepEqual(expandRuns("008-011 770"), ["008", "009", "010", "011", "770"]);
  assert.deepEqual(expandRuns(""), []);
});

test("normaliseZip accepts 5 digits and ZIP+4, nothing else", () => {
  assert.equal(normaliseZip(" 80202 "), "80202");
  assert.equal(normaliseZip("80202-1234"), "80202");
  assert.equal(normaliseZip("8020"), null);
  assert.equal(normaliseZip("80202-12"), null);
  assert.equal(normaliseZip("abcde"), null);
});

test("a ZIP code is routed by its prefix's entry", () => {
  const found = route(router, { zipCode: "80202" });
  assert.equal(found.slug, "denver");
  assert.equal(found.rule, "state");
  assert.equal(found.partner.name, "denver");
});

test("a prefix owner wins: the table says zip-prefix", () => {
  assert.deepEqual([route(router, { zipCode: "77002" }).slug, route(router, { zipCode: "77002" }).rule], ["houston", "zip-prefix"]);
});

test("a listed ZIP code that routes differently from its prefix is looked up first", () => {
  assert.equal(route(router, { zipCode: "68001" }).slug, "denver");
  assert.equal(route(router, { zipCode: "68102" }).slug, "austin");
  assert.equal(route(router, { zipCode: "68099" }).rule, "nearest");
});

test("the ZIP code decides over the state when both are given", () => {
  assert.equal(route(router, { zipCode: "77002", state: "CO" }).slug, "houston");
});

test("an unknown prefix falls back to the state, then the head office", () => {
  assert.equal(route(router, { zipCode: "99999", state: "tx" }).slug, "austin");
  assert.equal(route(router, { zipCode: "99999" }).slug, "hq");
  assert.equal(route(router, { zipCode: "99999" }).rule, "head-office");
});

test("a state alone goes to its owner, else the head office", () => {
  assert.equal(route(router, { state: "CO" }).rule, "state");
  const unowned = route(router, { state: "NE" });
  assert.deepEqual([unowned.slug, unowned.rule], ["hq", "head-office"]);
  assert.equal(route(router, { state: "ZZ" }).slug, "hq");
});

test("outside the US, the head office", () => {
  assert.equal(route(router, { zipCode: "80202", country: "CA" }).slug, "hq");
  assert.equal(route(router, { zipCode: "80202", country: "usa" }).slug, "denver");
});

test("partner applications go to the head office wherever they come from", () => {
  const found = routeEnquiry(router, "partner", { zipCode: "80202" });
  assert.equal(found.slug, "hq");
  assert.equal(found.application, true);
  assert.equal(routeEnquiry(router, "leadership", { zipCode: "80202" }).slug, "denver");
});

test("hasLocation needs a whole ZIP code or a known state", () => {
  assert.equal(hasLocation({ zipCode: "802" }, router), false);
  assert.equal(hasLocation({ zipCode: "80202" }, router), true);
  assert.equal(hasLocation({ state: "NE" }, router), true);
  assert.equal(hasLocation({ state: "" }, router), false);
});
