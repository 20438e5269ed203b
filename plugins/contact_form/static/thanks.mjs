// /contact/thanks/: say who will get in touch and by when.
// The intake's redirect carries a signed receipt (?receipt=...): the page asks the intake for the
// lead's reference and the promise made in the visitor's receipt e-mail, so both say the same.
// Without it (no script, another tab, another backend) the partner the form remembered in this
// tab, or else the page's own text, stands.

import { PARTNER_KEY } from "./contact-logic.mjs";

const RECEIPT_URL = "/api/contact/receipt/";

function remembered() {
  try {
    const value = window.sessionStorage.getItem(PARTNER_KEY);
    return value ? JSON.parse(value) : null;
  } catch {
    return null;
  }
}

function paragraph(...children) {
  const p = document.createElement("p");
  p.append(...children);
  return p;
}

function strong(text) {
  const element = document.createElement("strong");
  element.textContent = text;
  return element;
}

/** Who will call, from what the contact form remembered (the routing the page showed). */
function fromMemory(partner) {
  const link = document.createElement("a");
  link.href = partner.url;
  link.textContent = partner.name;
  const name = document.createElement("strong");
  name.append(link);
  const where = partner.headOffice ? "at our head office" : `in ${partner.city}, ${partner.state}`;
  const why = partner.application
    ? " Partner applications go to the head office."
    : partner.rule === "nearest"
      ? " No partner covers your area yet, so the nearest partner will help."
      : "";
  const lines = [paragraph(name, ` ${where} will call or email you within one business day.${why}`)];
  if (partner.phone) {
    // A link a phone can dial: the tel: address the build made for the partner card.
    const number = Object.assign(document.createElement("a"), { textContent: partner.phone });
    number.href = partner.phoneUri || `tel:${partner.phone.replace(/[^\d+]/g, "")}`;
    lines.push(paragraph("If you would rather call first: ", number, "."));
  }
  return lines;
}

/** The reference and the promise, as the intake stored them. */
function fromReceipt(receipt) {
  const lines = [paragraph(strong(`Your reference: ${receipt.reference}`))];
  if (receipt.promise) lines.push(paragraph(receipt.promise));
  if (receipt.if_nobody_calls) lines.push(paragraph(receipt.if_nobody_calls));
  return lines;
}

function show(slot, lines) {
  slot.replaceChildren(...lines);
  slot.hidden = false;
}

const slot = document.querySelector("[data-thanks-partner]");
if (slot) {
  const partner = remembered();
  if (partner && partner.name) show(slot, fromMemory(partner));
  const token = new URLSearchParams(window.location.search).get("receipt");
  if (token && /^[\w.-]{1,500}$/.test(token)) {
    fetch(RECEIPT_URL + token, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : null))
      .then((receipt) => {
        if (receipt && typeof receipt.reference === "string") show(slot, fromReceipt(receipt));
      })
      .catch(() => {}); // the page's own text, or the remembered partner, stands
  }
}
