// On a page that says a message was not sent (the host's "too large" and "not sent" pages, the intake's
// refusal of a post it could not read): "Back to the contact form" ([data-back-to-form]) goes back in
// the tab's history, to the form as the visitor left it (browsers keep what was typed there; a fresh
// /contact/ would be empty). Without this script the link opens the form, and the page's text points
// to the browser's Back button.
const from = document.referrer ? new URL(document.referrer) : null;
if (from && from.origin === location.origin && history.length > 1) {
  for (const link of document.querySelectorAll("[data-back-to-form]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      history.back();
    });
  }
}
