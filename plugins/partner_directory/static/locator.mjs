// The "find your local partner" box on /partners/: shows the partner for a ZIP code or state
// as soon as one is entered. Without this script the box opens the contact form.
import { hasLocation, route } from "./routing.mjs";
import { partnerLookup } from "./partner-card.mjs";

for (const form of document.querySelectorAll("[data-partner-locator]")) {
  const { zip_code: zip, state } = form.elements;
  const result = form.querySelector("[data-partner-result]");
  const lookup = partnerLookup(state);
  if (!lookup) continue;
  const show = (announceErrors) => {
    const where = { zipCode: zip.value, state: state.value };
    if (!hasLocation(where, lookup.router)) {
      lookup.show(result, null);
      if (announceErrors) {
        const message = document.createElement("p");
        message.className = "field-error";
        message.textContent = zip.value.trim() ? "Enter a 5-digit ZIP code, like 80202" : "Enter your ZIP code or choose your state";
        result.append(message);
      }
      return;
    }
    const found = route(lookup.router, where);
    const card = lookup.show(result, found, where);
    if (!card) return;
    const link = document.createElement("a");
    link.href = `/contact/?${new URLSearchParams(found.zip ? { zip_code: found.zip } : found.state ? { state: found.state } : {})}`;
    link.className = "button";
    link.textContent = `Send ${found.partner.name.split(" ")[0]} a message`;
    const next = document.createElement("p");
    next.append(link);
    card.querySelector(".partner-card-body").append(next);
  };
  zip.addEventListener("input", () => show());
  state.addEventListener("change", () => show());
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show(true);
  });
}
