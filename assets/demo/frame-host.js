// Host side of iframe embedding, for every <iframe data-gir-frame>:
//   { type: "gir-viewer:height", height }  sets the frame's height (no scrollbar);
//   { type: "gir-viewer:scroll", top }     scrolls the page to that offset in the frame.
addEventListener("message", (event) => {
  const data = event.data;
  if (!data || typeof data.type !== "string" || !data.type.startsWith("gir-viewer:")) return;
  for (const frame of document.querySelectorAll("iframe[data-gir-frame]")) {
    if (frame.contentWindow !== event.source) continue;
    if (data.type === "gir-viewer:height" && data.height > 0) {
      frame.style.height = Math.ceil(data.height) + "px";
    } else if (data.type === "gir-viewer:scroll" && data.top >= 0) {
      window.scrollTo({ top: frame.getBoundingClientRect().top + window.scrollY + data.top });
    }
  }
});
