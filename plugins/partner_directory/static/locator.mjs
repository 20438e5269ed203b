// The "find your local partner" box on /partners/: shows the partner for a ZIP code
// or state as soon as one is entered. Without this script the box opens the contact form.

import { createRouter, hasLocation, normaliseZip, route } from "./routing.mjs";
import { readLookup, renderPartnerCard, stateNamesFrom } from "./partner-card.mjs";

function enhance(form) {
  const lookup = readLookup();
  const template = document.querySelector("template[data-partner-card-template]");
  if (!lookup || !template) return;
  const router = createRouter(lookup);
  const zipInput = form.querySelector("input[name=zip_code]");
  const stateSelect = form.querySelector("select[name=state]");
  const result = form.querySelector("[data-partner-result]");
  const stateName = stateNamesFrom(stateSelect);
  let shown = "";

  function show({ announceErrors = false } = {}) {
    const where = { zipCode: zipInput.value, state: stateSelect.value };
    if (!hasLocation(where, router)) {
      shown = "";
      result.replaceChildren();
      if (announceErrors) {
        const message = document.createElement("p");
        message.className = "field-error";
        message.textContent = zipInput.value.trim()
          ? "Enter a 5-digit ZIP code, like 80202"
          : "Enter your ZIP code or choose your state";
        result.append(message);
      }
      return;
    }
    const found = route(router, where);
    const key = `${found.slug}|${found.rule}|${normaliseZip(where.zipCode) || where.state}`;
    if (key === shown) return;
    shown = key;
    const card = renderPartnerCard(template, found, { stateName });
    const next = document.createElement("p");
    const link = document.createElement("a");
    const query = new URLSearchParams();
    if (found.zip) query.set("zip_code", found.zip);
    else if (found.state) query.set("state", found.state);
    link.href = `/contact/?${query}`;
    link.className = "button";
    link.textContent = `Send ${found.partner.name.split(" ")[0]} a message`;
    next.append(link);
    card.querySelector(".partner-card-body").append(next);
    result.replaceChildren(card);
  }

  zipInput.addEventListener("input", () => show());
  stateSelect.addEventListener("change", () => show());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show({ announceErrors: true });
  });
}

for (const form of document.querySelectorAll("[data-partner-locator]")) enhance(form);
