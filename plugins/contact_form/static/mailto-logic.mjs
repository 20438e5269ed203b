// The mailto mode's message, without the DOM (unit-tested under Node in tests/js).

/** A mailto: link with the inquiry as a plain-text body, for the no-server mode. */
export function mailtoHref(address, subject, lines) {
  const body = lines
    .filter(([, value]) => String(value ?? "").trim())
    .map(([label, value]) => `${label}: ${String(value).trim()}`)
    .join("\n");
  return `mailto:${encodeURIComponent(address).replace("%40", "@")}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
