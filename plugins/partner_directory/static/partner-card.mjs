// Fill the page's <template data-partner-card-template> with one partner (DOM only;
// the routing decision comes from routing.mjs). Shared by the locator and the contact form.

const REASONS = {
  "zip-prefix": () => "Your local partner",
  state: (found, stateName) => (found.state ? `Your local partner for ${stateName(found.state)}` : "Your local partner"),
  nearest: () => "No partner covers your area yet; this is the nearest one",
  "head-office": (found) =>
    found.application
      ? "Partner applications go to our head office"
      : "No local partner covers your area yet; our head office will reply",
};

/** A one-line explanation of a route, for people (not the Python reason sentence). */
export function describeRoute(found, stateName = () => "") {
  const explain = REASONS[found.rule] || REASONS["head-office"];
  return explain(found, stateName);
}

/** Render `found` (from routing.route) as a card element cloned from `template`. */
export function renderPartnerCard(template, found, { stateName = () => "", siteUrl = "" } = {}) {
  const card = template.content.firstElementChild.cloneNode(true);
  const partner = found.partner;
  const slot = (name) => card.querySelector(`[data-slot="${name}"]`);
  slot("image").src = siteUrl + partner.image;
  slot("reason").textContent = describeRoute(found, stateName);
  slot("name").textContent = partner.name;
  slot("link").href = siteUrl + partner.url;
  slot("title").textContent = partner.title;
  slot("place").textContent = `${partner.city}, ${partner.state}`;
  const phone = slot("phone");
  phone.textContent = partner.phone;
  phone.href = partner.phoneUri;
  const booking = slot("booking");
  if (partner.bookingUrl) {
    booking.href = partner.bookingUrl;
    booking.textContent = `Book a call with ${partner.name.split(" ")[0]}`;
  } else {
    booking.remove();
  }
  return card;
}

/** Read the lookup JSON block the build wrote into the page. */
export function readLookup(doc = document) {
  const block = doc.querySelector("script[data-partner-lookup]");
  return block ? JSON.parse(block.textContent) : null;
}

/** A function code -> state name, from any state <select> on the page. */
export function stateNamesFrom(select) {
  const names = new Map();
  if (select) for (const option of select.options) if (option.value) names.set(option.value, option.textContent.trim());
  return (code) => names.get(code) || code || "";
}
