// Host side of iframe embedding, for every <iframe data-gir-frame>:
//   { type: "gir-viewer:height", height }  sets the frame's height (no scrollbar);
//   { type: "gir-viewer:scroll", top }     scrolls the page to that offset in the frame.
// A message is obeyed only from the frame's own window and origin, and only
// with a finite number in range: any other page can post messages too.
const MAX_HEIGHT = 200000; // CSS px: far above any report, far below a frozen page
addEventListener("message", (event) => {
  const data = event.data;
  if (!data || typeof data.type !== "string" || !data.type.startsWith("gir-viewer:")) return;
  for (const frame of document.querySelectorAll("iframe[data-gir-frame]")) {
    if (frame.contentWindow !== event.source) continue;
    if (event.origin !== new URL(frame.src, location.href).origin) continue;
    const value = data.type === "gir-viewer:height" ? data.height : data.top;
    if (typeof value !== "number" || !Number.isFinite(value)) continue;
    if (data.type === "gir-viewer:height" && value > 0) {
      frame.style.height = Math.ceil(Math.min(value, MAX_HEIGHT)) + "px";
    } else if (data.type === "gir-viewer:scroll" && value >= 0) {
      const top = Math.min(value, MAX_HEIGHT);
      window.scrollTo({ top: frame.getBoundingClientRect().top + window.scrollY + top });
    }
  }
});
