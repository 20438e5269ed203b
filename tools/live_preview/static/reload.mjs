// The live preview's reload signal (tools/live_preview/server.py), added to every page it serves.
// The server names each finished build on /_preview/events; when that is not the build this page
// was served from, the page reloads: the new version, or the last good one with the problems.
const served = document.querySelector('meta[name="preview-build"]')?.content;
const events = new EventSource("/_preview/events");
events.addEventListener("build", (event) => {
  if (served !== undefined && event.data !== served) {
    events.close();
    window.location.reload();
  }
});
