//! Charts as SVG strings, drawn with plotters' SVG backend at build time.
//!
//! Layout is computed here rather than by plotters' chart builder: natively
//! plotters estimates text width from UTF-8 byte length, three times too wide
//! for Chinese, so this module measures with its own per-character estimate and
//! places every label itself. The output is deterministic, so the prerendered
//! page and the hydrated one carry the same markup.
//!
//! Bars are horizontal with the label on its own line above each bar: long
//! Chinese labels never collide with a value axis, and the layout stays readable
//! when the viewBox shrinks to a 360 px phone.

use gir_model::escape;
use gir_model::report::{Bound, Chart, Figure};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Drawing widths in user units, one per 字体 size. Text keeps its size in
/// user units, so a narrower drawing shows it larger: on a phone, where every
/// chart fills the column, 大 draws text 1.25× the 中 size and 小 0.9×.
pub const WIDTH_LARGE: u32 = 288;
pub const WIDTH_MEDIUM: u32 = 360;
pub const WIDTH_SMALL: u32 = 400;
/// On wide screens the chart is `width × EM_PER_UNIT` em wide, so its text is
/// 1.1 em whatever the drawing width: it follows the 字体 size there too.
const EM_PER_UNIT: f64 = 1.1 / 16.0;
const PAD: i32 = 12;
/// Label and value text size in user units.
pub const FONT_PX: f64 = 16.0;
const NOTE_PX: f64 = 14.0;
const BAR_HEIGHT: i32 = 26;
/// Label line, gap, bar, gap.
const ROW_HEIGHT: i32 = 30 + BAR_HEIGHT + 14;
const NOTE_LINE: i32 = 22;
/// The fading tail that marks a "余" (more than) value: three steps.
const TAIL_STEP: i32 = 9;
const TAIL_WIDTH: i32 = 3 * TAIL_STEP;

const BAR_COLOUR: RGBColor = RGBColor(0x1d, 0x4e, 0x89);
const TEXT_COLOUR: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
/// TEXT_COLOUR as plotters writes it; set once on the root element.
const TEXT_HEX: &str = "#1A1A1A";
const AXIS_COLOUR: RGBColor = RGBColor(0x50, 0x50, 0x50);

/// A conservative estimate of rendered text width: CJK and full-width
/// characters one em, ASCII 0.62 em (wider than any common sans digit).
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.62 } else { 1.0 })
        .sum::<f64>()
        * font_px
}

/// A text the chart draws, with its box in user units — what tests check for
/// overlap and clipping.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedText {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl PlacedText {
    /// `text` drawn at `font_px` with its top left at (`x`, `y`): its box is
    /// [`text_width`] wide and 1.2 lines high.
    pub fn new(text: &str, x: i32, y: i32, font_px: f64) -> Self {
        PlacedText {
            text: text.to_string(),
            x: f64::from(x),
            y: f64::from(y),
            width: text_width(text, font_px),
            height: font_px * 1.2,
        }
    }
}

/// A chart ready to serialise: the SVG body plus what was placed where.
#[derive(Clone, Debug)]
pub struct BarChartSvg {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    pub texts: Vec<PlacedText>,
}

/// The sentence a screen reader hears for the chart: every drawn value and note.
pub fn chart_description(bars: &[&Figure], notes: &[&Figure]) -> String {
    let values: Vec<String> = bars
        .iter()
        .map(|f| format!("{} {}", f.label, f.display_value()))
        .collect();
    let mut description = format!("横向条形图,共{}项:{}。", bars.len(), values.join(";"));
    if !notes.is_empty() {
        let notes: Vec<String> = notes
            .iter()
            .map(|f| format!("{} {}", f.label, f.display_value()))
            .collect();
        description.push_str(&format!("另:{}。", notes.join(";")));
    }
    if bars.iter().any(|f| f.bound == Bound::MoreThan) {
        description.push_str("带“余”的数值表示多于该数,实际数值未公布。");
    }
    description
}

/// Draws `bars` as horizontal bars on one linear scale from zero, each value
/// written at the end of its bar, and `notes` as text lines beneath.
pub fn bar_chart(chart: &Chart, bars: &[&Figure], notes: &[&Figure], width: u32) -> BarChartSvg {
    let has_lower_bounds = bars.iter().any(|f| f.bound == Bound::MoreThan);
    let note_lines: Vec<String> = notes
        .iter()
        .map(|f| format!("{}:{}", f.label, f.display_value()))
        .chain(
            has_lower_bounds
                .then(|| "“余”表示多于该数;条末渐淡部分表示实际数值未公布。".to_string()),
        )
        .flat_map(|line| wrap(&line, NOTE_PX, width as f64 - 2.0 * PAD as f64))
        .collect();
    let plot_height = bars.len() as i32 * ROW_HEIGHT;
    let height = (PAD + plot_height + note_lines.len() as i32 * NOTE_LINE + PAD) as u32;

    let max_value = bars.iter().map(|f| f.value).max().unwrap_or(0).max(1) as f64;
    let widest_value = bars
        .iter()
        .map(|f| text_width(&f.display_value(), FONT_PX))
        .fold(0.0, f64::max);
    let tail = if has_lower_bounds { TAIL_WIDTH } else { 0 };
    let bar_span = width as f64 - 2.0 * PAD as f64 - widest_value - tail as f64 - 8.0;

    let mut texts = Vec::new();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let label_style = text_style(FONT_PX, HPos::Left);
        let note_style = text_style(NOTE_PX, HPos::Left);
        let mut place = |text: &str, x: i32, y: i32, px: f64| {
            let style = if px == FONT_PX {
                &label_style
            } else {
                &note_style
            };
            // Drawing into a String cannot fail.
            let _ = root.draw(&Text::new(text.to_string(), (x, y), style.clone()));
            texts.push(PlacedText::new(text, x, y, px));
        };
        for (index, figure) in bars.iter().enumerate() {
            let top = PAD + index as i32 * ROW_HEIGHT;
            place(&figure.label, PAD, top, FONT_PX);
            let bar_top = top + 30;
            let length = ((figure.value as f64 / max_value) * bar_span).round() as i32;
            let length = if figure.value > 0 { length.max(2) } else { 0 };
            let _ = root.draw(&Rectangle::new(
                [(PAD, bar_top), (PAD + length, bar_top + BAR_HEIGHT)],
                BAR_COLOUR.filled(),
            ));
            // The zero line the bar grows from, beside the bar only, so it never
            // runs through the label above.
            let _ = root.draw(&PathElement::new(
                vec![(PAD, bar_top - 3), (PAD, bar_top + BAR_HEIGHT + 3)],
                AXIS_COLOUR.stroke_width(2),
            ));
            let mut value_x = PAD + length + 8;
            if figure.bound == Bound::MoreThan {
                for step in 0..3 {
                    let x = PAD + length + step * TAIL_STEP + 2;
                    let opacity = [0.55, 0.32, 0.14][step as usize];
                    let _ = root.draw(&Rectangle::new(
                        [(x, bar_top), (x + TAIL_STEP - 3, bar_top + BAR_HEIGHT)],
                        BAR_COLOUR.mix(opacity).filled(),
                    ));
                }
                value_x += TAIL_WIDTH;
            }
            let value_y = bar_top + (BAR_HEIGHT - (FONT_PX * 1.2) as i32) / 2 + 1;
            place(&figure.display_value(), value_x, value_y, FONT_PX);
        }
        for (index, line) in note_lines.iter().enumerate() {
            let y = PAD + plot_height + index as i32 * NOTE_LINE;
            place(line, PAD, y, NOTE_PX);
        }
        let _ = root.present();
    }
    BarChartSvg {
        svg: with_accessible_root(&svg, chart, width, height, &chart_description(bars, notes)),
        width,
        height,
        texts,
    }
}

/// Breaks a line into lines no wider than `max_width`, preferring to break
/// after Chinese punctuation; Chinese text may break between any two characters.
pub fn wrap(text: &str, font_px: f64, max_width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for ch in text.chars() {
        current.push(ch);
        if text_width(&current, font_px) > max_width {
            current.pop();
            let split = current
                .char_indices()
                .rev()
                .filter(|(_, c)| {
                    matches!(
                        c,
                        ';' | ',' | ':' | '。' | '、' | '\u{FF1B}' | '\u{FF0C}' | '\u{FF1A}'
                    )
                })
                .map(|(i, c)| i + c.len_utf8())
                .find(|i| *i > current.len() / 3)
                .unwrap_or(current.len());
            let rest = current.split_off(split);
            lines.push(std::mem::take(&mut current));
            current = rest;
            current.push(ch);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

fn text_style(px: f64, h: HPos) -> TextStyle<'static> {
    // plotters writes font-size as size / 1.24; scale up so the SVG says `px`.
    ("sans-serif", px * 1.24)
        .into_font()
        .color(&TEXT_COLOUR)
        .pos(Pos::new(h, VPos::Top))
}

/// Replaces plotters' `<svg …>` opening tag with one that scales to its
/// container and carries an accessible name and description.
fn with_accessible_root(
    svg: &str,
    chart: &Chart,
    width: u32,
    height: u32,
    description: &str,
) -> String {
    let body_start = svg.find('>').map(|i| i + 1).unwrap_or(0);
    let body = tidy(&svg[body_start..]);
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="gir-chart__svg" viewBox="0 0 {w} {h}" font-family="sans-serif" fill="{text}" "#,
            r#"width="{em}em" role="img" aria-labelledby="{id}-svg-title" aria-describedby="{id}-svg-desc" focusable="false">"#,
            r#"<title id="{id}-svg-title">{title}</title><desc id="{id}-svg-desc">{desc}</desc>{body}"#
        ),
        w = width,
        em = (width as f64 * EM_PER_UNIT * 100.0).round() / 100.0,
        text = TEXT_HEX,
        h = height,
        id = chart.id,
        title = escape::markup(&chart.title),
        desc = escape::markup(description),
        body = body,
    )
}

/// Attributes plotters repeats on every element that equal the SVG defaults
/// or what the root element sets once (`font-family`, text `fill`).
const REDUNDANT_ATTRIBUTES: [&str; 5] = [
    " opacity=\"1\"",
    " text-anchor=\"start\"",
    " stroke=\"none\"",
    " font-family=\"sans-serif\"",
    " fill=\"#1A1A1A\"",
];

/// plotters puts each text on its own lines, repeats default attributes and
/// writes sizes like `15.000000000000002`; drop the line breaks and the
/// repeats and round the sizes. The charts are embedded three times each, so
/// this is a good part of the viewer's size.
fn tidy(body: &str) -> String {
    let mut joined: String = body.lines().map(str::trim).collect();
    for attribute in REDUNDANT_ATTRIBUTES {
        joined = joined.replace(attribute, "");
    }
    let mut out = String::with_capacity(joined.len());
    let mut rest = joined.as_str();
    while let Some(start) = rest.find("font-size=\"") {
        let value_start = start + "font-size=\"".len();
        let value_len = rest[value_start..].find('"').unwrap_or(0);
        let value: f64 = rest[value_start..value_start + value_len]
            .parse()
            .unwrap_or(FONT_PX);
        out.push_str(&rest[..value_start]);
        out.push_str(&format!("{}", (value * 100.0).round() / 100.0));
        rest = &rest[value_start + value_len..];
    }
    out.push_str(rest);
    out
}
