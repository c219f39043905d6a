// The reference pages of the load benchmark (bench/run.mjs), generated from a report's
// dataset (assets/reports/<id>.json), never from the viewer's HTML:
//
//   plainPage(report)            the physical limit: the report's text as plain HTML with
//                                a few lines of inline CSS, no other request (what a
//                                portal's text-only page is);
//   portalPage(template, report) the portal demo's template (assets/demo/portal-demo.html)
//                                without the viewer: no viewer head, the plain report
//                                markup in place of the mount;
//   echartsPage(report, script)  an ECharts peer: the plain report with the charts the
//                                viewer shows drawn by ECharts (a blocking <script src> in
//                                <head>, one small inline script after the charts).
//
// Every section heading carries the viewer's id (`<section id>-heading`), which the
// bench's probe waits for (lastHeadingId); a page without it fails the bench
// (requireId). Every page links a favicon (`data:,` when it has none of its own), so
// Chromium requests no /favicon.ico.

/** The metadata fields with the viewer's labels, in the portal's order (gir-model Metadata::fields). */
const META_FIELDS = [
  ['index_no', '索引号'],
  ['publisher', '发布机构'],
  ['name', '信息名称'],
  ['topic', '主题分类'],
  ['publish_date', '发布日期'],
  ['written_date', '成文日期'],
  ['repeal_date', '废止日期'],
  ['doc_no', '文号'],
  ['keywords', '关键词'],
  ['published_at', '发布时间'],
];

/** The plain page's whole stylesheet: a readable column, table borders. */
const PLAIN_CSS = [
  'body{max-width:42em;margin:0 auto;padding:0 1em;font-size:1.0625rem;line-height:1.8}',
  'table{border-collapse:collapse}th,td{border:1px solid #888;padding:.2em .5em}',
].join('\n');

const escapeHtml = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The id of a section's heading, as the viewer renders it (`<h2 id="sec-9-heading">`). */
export const headingId = (section) => `${section.id}-heading`;

/** The id the bench's probe waits for: the heading of the report's last section. */
export function lastHeadingId(report) {
  if (!report.sections?.length) throw new Error(`report ${report.id} has no section`);
  return headingId(report.sections.at(-1));
}

/** Throws unless `html` has an element with id `id` (the probe would wait for ever). */
export function requireId(html, id, page) {
  if (!new RegExp(`\\sid=["']?${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'\\s>]`).test(html)) {
    throw new Error(`${page}: no element with id="${id}", which the benchmark waits for`);
  }
  return html;
}

/** A figure's value as the viewer shows it: 12条, 10余幅, 第1名. */
export function figureText(figure) {
  if (figure.measure === 'rank') return `第${figure.value}名`;
  return `${figure.value}${figure.bound === 'more_than' ? '余' : ''}${figure.unit}`;
}

/** One block of the report (paragraph, subsection, list, table) as plain HTML. */
function blockMarkup(block) {
  const [kind, b] = Object.entries(block)[0];
  switch (kind) {
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'subsection':
      return `<h3>${escapeHtml(b.label)}${escapeHtml(b.title)}</h3>\n<p>${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i.label)}${escapeHtml(i.text)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      // The dataset stores the cells the publication printed, row by row; the mandated
      // row and column labels live in the viewer's layouts (crates/model/src/standard),
      // so each row is labelled here by its key.
      return [
        '<table>',
        ...b.rows.map((r) => `<tr><th>${escapeHtml(r.key)}</th>${r.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`),
        '</table>',
      ].join('\n');
    default:
      throw new Error(`unknown block kind ${kind}`);
  }
}

/**
 * The report as plain markup: the title as <h1>, the metadata as lines, the preamble,
 * each section's heading as <h2> (with the viewer's id) and its blocks. `after(id)`
 * returns markup to insert after the block with that id (the ECharts peer's charts).
 */
export function reportMarkup(report, after = () => '') {
  const blockId = (block) => Object.values(block)[0].id;
  const blocks = (list) => list.flatMap((block) => [blockMarkup(block), after(blockId(block))].filter(Boolean));
  const meta = META_FIELDS.map(([key, label]) => `${label}:${escapeHtml(report.meta?.[key] ?? '')}`).join('<br>\n');
  return [
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p>${meta}</p>`,
    ...blocks(report.preamble ?? []),
    ...report.sections.flatMap((s) => [
      `<h2 id="${escapeHtml(headingId(s))}">${escapeHtml(s.label)}${escapeHtml(s.title)}</h2>`,
      ...blocks(s.blocks),
    ]),
  ].join('\n');
}

function htmlDocument({ title, head = '', body }) {
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>\n${PLAIN_CSS}\n</style>`,
    head,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ];
  return `${lines.filter((line) => line !== '').join('\n')}\n`;
}

/** The plain page: the report's text, a few lines of inline CSS, no other request. */
export function plainPage(report) {
  return requireId(htmlDocument({ title: report.title, body: reportMarkup(report) }), lastHeadingId(report), 'plain page');
}

/**
 * The portal demo without the viewer: `template` (assets/demo/portal-demo.html) with
 * {{viewer_head}} empty and {{viewer_mount}} the plain report markup, filled in one pass
 * as the prerender step fills it. The page links the portal's favicon and stylesheet
 * (./favicon.svg, ./demo-portal.css), which the caller serves beside it.
 */
export function portalPage(template, report) {
  const values = { viewer_head: '', viewer_mount: `<article lang="zh-CN">\n${reportMarkup(report)}\n</article>` };
  const html = template.replace(/\{\{(\w+)\}\}/g, (whole, name) => {
    if (!(name in values)) throw new Error(`portal template: unknown placeholder ${whole}`);
    return values[name];
  });
  if (!/<link\b[^>]*\brel=["']?icon\b/i.test(html)) throw new Error('portal template: no favicon link');
  return requireId(html, lastHeadingId(report), 'portal page without the viewer');
}

/**
 * The ECharts peer: the plain page's report with each of the dataset's charts after its
 * block. A `bars` chart is drawn by ECharts (a horizontal bar chart of the same figures:
 * their labels, values and the viewer's value texts), its notes written under it; a
 * `facts` chart (figures of different units, which the viewer lists rather than draws)
 * is a plain list. ECharts is a blocking <script src="./{scriptName}"> in <head>, as
 * portals include it; one inline script after the charts' containers draws them and
 * then marks `charts-drawn` (performance.mark).
 */
export function echartsPage(report, scriptName) {
  const figures = new Map((report.figures ?? []).map((f) => [f.id, f]));
  const figure = (id) => {
    if (!figures.has(id)) throw new Error(`chart figure ${id} is not in the dataset's figures`);
    return figures.get(id);
  };
  const charts = report.charts ?? [];
  const drawn = [];
  const chartMarkup = (chart) => {
    const caption = `<figcaption>${escapeHtml(chart.title)}</figcaption>`;
    const notes = (chart.notes ?? []).map(figure);
    if (chart.kind !== 'bars') {
      const items = [...chart.figures.map(figure), ...notes].map((f) => `<li>${escapeHtml(f.label)}:${escapeHtml(figureText(f))}</li>`);
      return `<figure id="${escapeHtml(chart.id)}">\n${caption}\n<ul>\n${items.join('\n')}\n</ul>\n</figure>`;
    }
    const bars = chart.figures.map(figure);
    drawn.push({
      id: `${chart.id}-drawing`,
      labels: bars.map((f) => f.label),
      values: bars.map((f) => f.value),
      texts: bars.map(figureText),
    });
    // A fixed height (rows of 40 px and the axis), so that drawing shifts nothing.
    const height = 40 * bars.length + 40;
    const noteLines = notes.map((f) => `<p>${escapeHtml(f.label)}:${escapeHtml(figureText(f))}</p>`);
    return [
      `<figure id="${escapeHtml(chart.id)}">`,
      caption,
      `<div id="${escapeHtml(chart.id)}-drawing" style="height:${height}px"></div>`,
      ...noteLines,
      '</figure>',
    ].join('\n');
  };
  const placed = new Map();
  for (const chart of charts) placed.set(chart.after, [...(placed.get(chart.after) ?? []), chartMarkup(chart)]);
  const body = reportMarkup(report, (id) => (placed.get(id) ?? []).join('\n'));
  const inserted = [...placed.values()].flat().length;
  if (inserted !== charts.length || !charts.every((c) => body.includes(`id="${escapeHtml(c.id)}"`))) {
    throw new Error('ECharts peer: a chart is placed after a block the report does not have');
  }
  // JSON in a script: `<` escaped so that no text can close the element.
  const data = JSON.stringify(drawn).replace(/</g, '\\u003c');
  const draw = `<script>
for (const c of ${data}) {
  echarts.init(document.getElementById(c.id)).setOption({
    grid: { left: 8, right: 64, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: c.labels },
    series: [{ type: 'bar', data: c.values, label: { show: true, position: 'right', formatter: (p) => c.texts[p.dataIndex] } }],
  });
}
performance.mark('charts-drawn');
</script>`;
  const html = htmlDocument({
    title: report.title,
    head: `<script src="./${escapeHtml(scriptName)}"></script>`,
    body: `${body}\n${draw}`,
  });
  return requireId(html, lastHeadingId(report), 'ECharts peer');
}
