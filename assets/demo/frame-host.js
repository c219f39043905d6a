// Host side of iframe embedding: sizes every <iframe data-gir-frame> to the
// height its viewer reports, so the frame needs no scrollbar.
// Message from the frame: { type: "gir-viewer:height", height: <CSS px> }.
addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "gir-viewer:height" || !(data.height > 0)) return;
  for (const frame of document.querySelectorAll("iframe[data-gir-frame]")) {
    if (frame.contentWindow === event.source) frame.style.height = Math.ceil(data.height) + "px";
  }
});
