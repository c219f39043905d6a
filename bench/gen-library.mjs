#!/usr/bin/env node
// A synthetic report library for the library benchmark and tests: N dataset
// files (default 1,000) of made-up bodies (60 by default, 部门 of three
// made-up districts), up to 17 years each (2008–2024):
// narrative reports before 2019, the "2019" format for 2019–2020, "2021" after.
//
//   node bench/gen-library.mjs OUT_DIR [--count 1000] [--bodies 60] [--seed 1]
//   target/release/report-viewer check OUT_DIR/*.json     # exits 0
//   cargo run --release -p gir-compile --example library -- OUT_DIR
//
// What the files hold, so the library's functions meet what real ones do:
// - every report loads and checks (`report-viewer check` finds no problem;
//   its warnings are the planted blanks below);
// - standard tables that add up (every 勾稽关系 holds) with varied numbers,
//   carried-over applications equal to last year's carried-forward ones;
//   blanks planted: 表四 复议后起诉 left blank in about one report in eight
//   (nothing to check), 表三 三(二) blank in 自然人 and 总计 in about one in
//   twenty (three incomplete rules), a 表二 cell blank now and then; 规章
//   marked "/" by bodies that make none;
// - narrative paragraphs where each sentence of last year's is, with some
//   probability, copied verbatim (≈35 %), copied with new numbers (≈25 %),
//   or replaced by a new one;
// - a body's publisher printed in other ways now and then (empty, so the
//   title names it; or with a space), grouped all the same;
// - a few bodies miss a year in the middle (2016).
//
// Deterministic: the same arguments write the same files. No dependencies.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    count: { type: 'string', default: '1000' },
    bodies: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
  },
});
if (positionals.length !== 1) {
  console.error('usage: node bench/gen-library.mjs OUT_DIR [--count N] [--bodies B] [--seed S]');
  process.exit(2);
}
const outDir = positionals[0];
const count = Number(args.count);
const bodyCount = Number(args.bodies);
const FIRST_YEAR = 2008;
const LAST_YEAR = 2024;
const YEARS = LAST_YEAR - FIRST_YEAR + 1;
if (!Number.isInteger(count) || count < 0 || !Number.isInteger(bodyCount) || bodyCount < 1) {
  console.error('--count and --bodies are whole numbers (bodies at least 1)');
  process.exit(2);
}

// ---- deterministic randomness (mulberry32) ----

let state = Number(args.seed) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

// ---- bodies and the years they report ----

const DISTRICTS = ['东湖区', '西岭区', '南川区'];
const DEPARTMENTS = [
  '人民政府办公室', '发展和改革局', '教育局', '科学技术局', '公安分局', '民政局', '司法局',
  '财政局', '人力资源和社会保障局', '自然资源局', '生态环境分局', '住房和城乡建设局',
  '交通运输局', '水务局', '农业农村局', '商务局', '文化和旅游局', '卫生健康局',
  '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '城市管理局',
  '退役军人事务局', '林业局', '体育局', '信访局', '档案局', '粮食和物资储备局',
];

function bodyName(index) {
  const district = DISTRICTS[index % DISTRICTS.length];
  const department = DEPARTMENTS[Math.floor(index / DISTRICTS.length) % DEPARTMENTS.length];
  const round = Math.floor(index / (DISTRICTS.length * DEPARTMENTS.length));
  return round === 0 ? `${district}${department}` : `${district}第${round + 1}${department}`;
}

// Every body-year, less the holes, then the earliest years (round robin over
// the bodies) until `count` remain.
const slots = [];
for (let b = 0; b < bodyCount; b++) {
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const hole = b % 13 === 5 && year === 2016;
    if (!hole) slots.push({ body: b, year });
  }
}
if (count > slots.length) {
  console.error(`--count ${count}: ${bodyCount} bodies have ${slots.length} reports at most (raise --bodies)`);
  process.exit(2);
}
const removeOrder = [...slots].sort((x, y) => x.year - y.year || x.body - y.body);
const removed = new Set(removeOrder.slice(0, slots.length - count).map((s) => `${s.body}/${s.year}`));
const kept = slots.filter((s) => !removed.has(`${s.body}/${s.year}`));

// ---- sentences ----

const CN = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
const SUBJECTS = ['我局', '本单位', '局机关各科室', '各下属单位', '局党组', '局政务公开领导小组'];
const ACTIONS = ['进一步健全', '认真落实', '持续完善', '全面推进', '严格执行', '不断优化', '积极探索', '扎实开展', '切实加强', '规范做好'];
const OBJECTS = [
  '政府信息公开工作机制', '主动公开目录', '依申请公开办理流程', '政务公开工作要点', '信息发布审核制度',
  '政策解读工作', '政府网站信息公开专栏', '公开平台建设', '保密审查制度', '政务新媒体管理',
  '重点领域信息公开', '公开事项标准目录', '政务服务事项公开', '行政执法公示工作',
];
const TAILS = [
  '确保信息公开及时、准确、全面', '切实保障人民群众的知情权、参与权和监督权', '不断提升政府工作透明度',
  '推动政务公开工作规范化、标准化', '增强公开实效', '回应社会关切', '提高公众满意度',
  '做到应公开尽公开', '提升依法行政水平',
];
// Sentences with numbers: `n` a count, `k` a smaller one, `c` a small count
// in Chinese numerals, `y` the report's year.
const NUMBERED = [
  ['y', '年,', 's', '坚持以公开为常态、不公开为例外,全面推进政府信息公开工作。'],
  ['全年共主动公开政府信息', 'n', '条,其中政策文件', 'k', '条。'],
  ['组织政务公开业务培训', 'c', '次,参训人员', 'n', '人次。'],
  ['通过政务新媒体发布信息', 'n', '条,阅读量累计', 'n', '次。'],
  ['本年度统计期限自', 'y', '年1月1日起至', 'y', '年12月31日止。'],
  ['全年更新政府信息公开目录', 'n', '条,发布政策解读材料', 'k', '篇。'],
  ['在政务服务大厅设置政府信息查阅点', 'c', '个,提供查阅服务', 'n', '人次。'],
];
const PROBLEMS = [
  '部分信息更新不够及时', '政策解读的形式还不够丰富', '公开内容与群众需求还有差距',
  '工作人员业务能力有待提高', '依申请公开答复的说理还需加强', '基层公开标准化程度不高',
];

/** A new sentence: a template and its numbers. */
function freshSentence(subject) {
  if (chance(0.4)) {
    const template = pick(NUMBERED).map((p) => (p === 's' ? subject : p));
    return { template, numbers: template.map(numberFor) };
  }
  const text = `${pick(SUBJECTS)}${pick(ACTIONS)}${pick(OBJECTS)},${pick(TAILS)}。`;
  return { template: [text], numbers: [null] };
}

function numberFor(part) {
  if (part === 'n') return int(200, 2000);
  if (part === 'k') return int(3, 150);
  if (part === 'c') return int(1, 10);
  return null;
}

function render(sentence, year) {
  return sentence.template
    .map((part, i) => {
      if (part === 'y') return String(year);
      if (part === 'n' || part === 'k') return String(sentence.numbers[i]);
      if (part === 'c') return CN[sentence.numbers[i]];
      return part;
    })
    .join('');
}

/** Last year's paragraph, sentence by sentence: kept, renumbered or replaced. */
function nextParagraph(previous, size, subject) {
  const out = [];
  for (let i = 0; i < size; i++) {
    const before = previous?.[i];
    const roll = random();
    if (before && roll < 0.35) out.push(before);
    else if (before && roll < 0.6) out.push({ template: before.template, numbers: before.template.map(numberFor) });
    else out.push(freshSentence(subject));
  }
  return out;
}

// ---- tables ----

const APPLICANT_COLUMNS = 6;
/** Applications per column (自然人 … 其他): how many, roughly. */
const SCALES = [[3, 60], [0, 6], [0, 1], [0, 1], [0, 3], [0, 2]];

function resultRows(format) {
  const rows = ['3.1', '3.2'];
  for (let i = 1; i <= 8; i++) rows.push(`3.3.${i}`);
  for (let i = 1; i <= 3; i++) rows.push(`3.4.${i}`);
  for (let i = 1; i <= 5; i++) rows.push(`3.5.${i}`);
  if (format === '2021') rows.push('3.6.1', '3.6.2', '3.6.3');
  else rows.push('3.6');
  return rows;
}

/** 表三, adding up; `carriedOver` per column from last year. */
function applications(format, carriedOver) {
  const results = resultRows(format);
  const columns = [];
  for (let c = 0; c < APPLICANT_COLUMNS; c++) {
    const [lo, hi] = SCALES[c];
    const handled = int(lo, hi);
    const cells = Object.fromEntries(results.map((r) => [r, 0]));
    for (let k = 0; k < handled; k++) {
      const roll = random();
      const row = roll < 0.55 ? '3.1' : roll < 0.65 ? '3.2' : roll < 0.8 ? '3.4.1' : pick(results);
      cells[row] += 1;
    }
    const total = handled;
    const over = Math.min(carriedOver?.[c] ?? 0, total);
    const forward = c === 0 && chance(0.3) ? int(1, 3) : 0;
    columns.push({ cells, total, new: total + forward - over, over, forward });
  }
  const row = (get) => {
    const values = columns.map(get);
    return [...values.map(String), String(values.reduce((a, b) => a + b, 0))];
  };
  const rows = [
    { key: '1', cells: row((c) => c.new) },
    { key: '2', cells: row((c) => c.over) },
    ...results.map((r) => ({ key: r, cells: row((c) => c.cells[r]) })),
    { key: '3.7', cells: row((c) => c.total) },
    { key: '4', cells: row((c) => c.forward) },
  ];
  if (chance(0.05)) {
    // 三(二) left blank where the publication printed nothing.
    const partly = rows.find((r) => r.key === '3.2');
    partly.cells[0] = '';
    partly.cells[APPLICANT_COLUMNS] = '';
  }
  return { rows, forward: columns.map((c) => c.forward) };
}

/** 表四, adding up; 复议后起诉 left blank now and then. */
function reviewLitigation() {
  const group = (p) => {
    const parts = [0, 0, 0, 0].map(() => (chance(p) ? int(1, 3) : 0));
    return [...parts, parts.reduce((a, b) => a + b, 0)].map(String);
  };
  const afterReview = chance(0.12) ? ['', '', '', '', ''] : group(0.05);
  return [{ key: 'cases', cells: [...group(0.2), ...group(0.1), ...afterReview] }];
}

/** 表二 of the format; `body` keeps the running totals. */
function activeDisclosure(format, body) {
  const issued = int(0, 12);
  body.inForce = Math.max(0, body.inForce + issued - int(0, 4));
  body.published += issued;
  const blankOrNumber = (n) => (chance(0.04) ? '' : String(n));
  const regulations = body.makesRegulations ? null : ['/', '/', '/'];
  if (format === '2021') {
    return [
      { key: 'regulations', cells: regulations ?? ['0', '0', '0'] },
      { key: 'normative_documents', cells: [String(issued), String(int(0, 3)), String(body.inForce)] },
      { key: 'licensing', cells: [blankOrNumber(int(0, 3000))] },
      { key: 'penalty', cells: [blankOrNumber(int(0, 800))] },
      { key: 'enforcement', cells: [String(int(0, 40))] },
      { key: 'fees', cells: [`${int(0, 500)}.${String(int(0, 99)).padStart(2, '0')}`] },
    ];
  }
  const change = () => pick(['0', '+1', '+2', '-1', '-3']);
  return [
    { key: 'regulations', cells: regulations ?? ['0', '0', '0'] },
    { key: 'normative_documents', cells: [String(issued), String(issued), String(body.published)] },
    { key: 'licensing', cells: [String(int(5, 80)), change(), blankOrNumber(int(0, 3000))] },
    { key: 'other_services', cells: [String(int(0, 30)), change(), String(int(0, 400))] },
    { key: 'penalty', cells: [String(int(0, 60)), change(), blankOrNumber(int(0, 800))] },
    { key: 'enforcement', cells: [String(int(0, 10)), change(), String(int(0, 40))] },
    { key: 'fees', cells: [String(int(0, 8)), change()] },
    { key: 'procurement', cells: [String(int(0, 40)), `${int(0, 900)}.${String(int(0, 99)).padStart(2, '0')}`] },
  ];
}

// ---- reports ----

const paragraph = (id, sentences, year) => ({ paragraph: { id, text: sentences.map((s) => render(s, year)).join('') } });

function report(slot, body) {
  const { year } = slot;
  const format = year <= 2018 ? 'narrative' : year <= 2020 ? '2019' : '2021';
  const name = bodyName(slot.body);
  const title = format === 'narrative'
    ? `${name}${year}年度政府信息公开工作报告(样例)`
    : `${name}${year}年政府信息公开工作年度报告(样例)`;
  const roll = random();
  const publisher = roll < 0.05 ? '' : roll < 0.1 ? `${name.slice(0, 3)} ${name.slice(3)}` : name;
  const id = `lib-${String(slot.body).padStart(3, '0')}-${year}`;
  const month = String(int(1, 3)).padStart(2, '0');
  const day = String(int(1, 28)).padStart(2, '0');
  const date = `${year + 1}-${month}-${day}`;

  // The text: each paragraph follows last year's.
  const text = body.text;
  text.lead = nextParagraph(text.lead, 2, name);
  text.overview = nextParagraph(text.overview, int(4, 7), name);
  text.measures = nextParagraph(text.measures, int(3, 6), name);
  text.problems = nextParagraph(text.problems, 2, name);
  const problems = [
    { template: [`一是${pick(PROBLEMS)};二是${pick(PROBLEMS)}。`], numbers: [null] },
    ...text.problems,
  ];

  let sections;
  if (format === 'narrative') {
    sections = [
      { id: 'sec-1', label: '一、', title: '概述', blocks: [paragraph('sec-1-p1', text.overview, year)] },
      {
        id: 'sec-2', label: '二、', title: '主要工作', blocks: [
          { subsection: { id: 'sec-2-sub1', label: '(一)', title: '加强组织领导。', text: text.measures.map((s) => render(s, year)).join('') } },
          {
            list: {
              id: 'sec-2-list', items: [
                { id: 'sec-2-item1', label: '一是', text: `${pick(ACTIONS)}${pick(OBJECTS)};` },
                { id: 'sec-2-item2', label: '二是', text: `${pick(ACTIONS)}${pick(OBJECTS)}。` },
              ],
            },
          },
        ],
      },
      { id: 'sec-3', label: '三、', title: '存在的问题和改进措施', blocks: [paragraph('sec-3-p1', problems, year)] },
    ];
  } else {
    const { rows: applicationRows, forward } = applications(format, body.forward);
    body.forward = forward;
    sections = [
      { id: 'sec-1', label: '一、', title: '总体情况', blocks: [paragraph('sec-1-p1', text.overview, year), paragraph('sec-1-p2', text.measures, year)] },
      { id: 'sec-2', label: '二、', title: '主动公开政府信息情况', blocks: [{ table: { id: 'sec-2-table', kind: 'active_disclosure', rows: activeDisclosure(format, body) } }] },
      { id: 'sec-3', label: '三、', title: '收到和处理政府信息公开申请情况', blocks: [{ table: { id: 'sec-3-table', kind: 'applications', rows: applicationRows } }] },
      { id: 'sec-4', label: '四、', title: '政府信息公开行政复议、行政诉讼情况', blocks: [{ table: { id: 'sec-4-table', kind: 'review_litigation', rows: reviewLitigation() } }] },
      { id: 'sec-5', label: '五、', title: '存在的主要问题及改进情况', blocks: [paragraph('sec-5-p1', problems, year)] },
      { id: 'sec-6', label: '六、', title: '其他需要报告的事项', blocks: [paragraph('sec-6-p1', [{ template: ['本年度未收取政府信息公开信息处理费。'], numbers: [null] }], year)] },
    ];
  }
  return {
    id,
    format,
    meta: {
      index_no: `${String(slot.body).padStart(9, '0')}/${year + 1}-${String(int(1, 99999)).padStart(5, '0')}`,
      publisher,
      name: title,
      topic: '政务公开',
      publish_date: date,
      written_date: date,
      repeal_date: '',
      doc_no: '',
      keywords: '',
      published_at: `${date} ${String(int(8, 17)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00`,
    },
    title,
    preamble: [paragraph('lead-p1', text.lead, year)],
    sections,
    figures: [],
    charts: [],
  };
}

// ---- write ----

fs.mkdirSync(outDir, { recursive: true });
const bodies = Array.from({ length: bodyCount }, (_, b) => ({
  text: {},
  forward: null,
  inForce: int(10, 60),
  published: int(10, 60),
  makesRegulations: b % DISTRICTS.length === 0 && b < DISTRICTS.length * 2,
}));
const formats = { narrative: 0, 2019: 0, 2021: 0 };
// Year by year for each body, so each report follows the one before.
const ordered = [...kept].sort((x, y) => x.body - y.body || x.year - y.year);
let bytes = 0;
for (const slot of ordered) {
  const dataset = report(slot, bodies[slot.body]);
  const json = `${JSON.stringify(dataset, null, 2)}\n`;
  fs.writeFileSync(path.join(outDir, `${dataset.id}.json`), json);
  formats[dataset.format] += 1;
  bytes += Buffer.byteLength(json);
}
const used = new Set(ordered.map((s) => s.body)).size;
console.log(
  `wrote ${ordered.length} datasets to ${outDir} (${used} bodies, ${FIRST_YEAR}–${LAST_YEAR}): ` +
  `${formats.narrative} narrative, ${formats['2019']} in the 2019 format, ${formats['2021']} in the 2021 format; ` +
  `${(bytes / 1024 / 1024).toFixed(1)} MiB`,
);
