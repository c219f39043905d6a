//! A figure of one body over the years, drawn at build time: a bar per year
//! on one scale (one unit), a gap written where a year has no value (a
//! blank cell, a format without the table, no report), and a rule across
//! the chart where the report format changes.

use crate::charts::{text_width, BarChartSvg, PlacedText, FONT_PX};
use gir_model::decimal::Decimal;
use gir_model::escape;
use gir_model::report::ReportFormat;
use gir_model::standard::format_name_zh;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const PAD: i32 = 12;
const BAR_HEIGHT: i32 = 22;
/// A year's label and its bar side by side.
const ROW_HEIGHT: i32 = 34;
const LABEL_WIDTH: i32 = 64;
const NOTE_PX: f64 = 14.0;
const FORMAT_ROW: i32 = 26;
const BAR_COLOUR: RGBColor = RGBColor(0x1d, 0x4e, 0x89);
const TEXT_COLOUR: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const RULE_COLOUR: RGBColor = RGBColor(0x50, 0x50, 0x50);

/// One year of a series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearPoint {
    pub year: u16,
    /// The value as published; `None` is a gap, never 0.
    pub value: Option<Decimal>,
    /// What stands in a gap (`空白`, `该格式无此表`, `无报告`).
    pub gap: String,
    /// The format of that year's report; `None` where there is no report.
    pub format: Option<ReportFormat>,
}

/// Draws a series, years top to bottom, on one linear scale from zero;
/// each value written after its bar (with `unit`), each gap written where
/// its bar would be; where the format changes from the year before, a rule
/// and the new format's name.
pub fn year_chart(
    id: &str,
    title: &str,
    unit: &str,
    points: &[YearPoint],
    width: u32,
) -> BarChartSvg {
    let numbers: Vec<f64> = points
        .iter()
        .filter_map(|p| p.value.map(|v| v.to_string().parse::<f64>().unwrap_or(0.0)))
        .collect();
    let max_value = numbers.iter().copied().fold(0.0, f64::max).max(1.0);
    let shown = |p: &YearPoint| match p.value {
        Some(v) => format!("{v}{unit}"),
        None => p.gap.clone(),
    };
    let widest = points
        .iter()
        .map(|p| text_width(&shown(p), FONT_PX))
        .fold(0.0, f64::max);
    let bar_span = (width as f64 - 2.0 * PAD as f64 - LABEL_WIDTH as f64 - widest - 8.0).max(24.0);

    // Rows: a format heading where the format changes, then the year.
    let mut rows: Vec<Row> = Vec::new();
    let mut last_format: Option<ReportFormat> = None;
    for point in points {
        if let Some(format) = point.format {
            if last_format.is_some_and(|last| last != format)
                || last_format.is_none() && !rows.is_empty()
            {
                rows.push(Row::Format(format));
            }
            last_format = Some(format);
        }
        rows.push(Row::Year(point));
    }
    let height = (2 * PAD
        + rows
            .iter()
            .map(|r| match r {
                Row::Format(_) => FORMAT_ROW,
                Row::Year(_) => ROW_HEIGHT,
            })
            .sum::<i32>()) as u32;

    let mut texts = Vec::new();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let style = |px: f64| {
            ("sans-serif", px * 1.24)
                .into_font()
                .color(&TEXT_COLOUR)
                .pos(Pos::new(HPos::Left, VPos::Top))
        };
        let mut place = |text: &str, x: i32, y: i32, px: f64| {
            let _ = root.draw(&Text::new(text.to_string(), (x, y), style(px)));
            texts.push(PlacedText::new(text, x, y, px));
        };
        let mut top = PAD;
        for row in &rows {
            match row {
                Row::Format(format) => {
                    let y = top + FORMAT_ROW / 2;
                    let _ = root.draw(&PathElement::new(
                        vec![(PAD, y - 8), (width as i32 - PAD, y - 8)],
                        RULE_COLOUR.stroke_width(1),
                    ));
                    place(
                        &format!("自此起:{}", format_name_zh(*format)),
                        PAD,
                        y - 5,
                        NOTE_PX,
                    );
                    top += FORMAT_ROW;
                }
                Row::Year(point) => {
                    place(&format!("{}年", point.year), PAD, top + 6, FONT_PX);
                    let bar_x = PAD + LABEL_WIDTH;
                    let text_y = top + 6;
                    match point.value {
                        Some(value) => {
                            let number = value.to_string().parse::<f64>().unwrap_or(0.0);
                            let length = ((number / max_value) * bar_span).round() as i32;
                            let length = if number > 0.0 { length.max(2) } else { 0 };
                            let _ = root.draw(&Rectangle::new(
                                [(bar_x, top + 4), (bar_x + length, top + 4 + BAR_HEIGHT)],
                                BAR_COLOUR.filled(),
                            ));
                            place(&shown(point), bar_x + length + 8, text_y, FONT_PX);
                        }
                        None => place(&shown(point), bar_x, text_y, NOTE_PX),
                    }
                    top += ROW_HEIGHT;
                }
            }
        }
        let _ = root.present();
    }
    let description = year_chart_description(unit, points);
    let body_start = svg.find('>').map_or(0, |i| i + 1);
    let body: String = svg[body_start..].lines().map(str::trim).collect();
    let svg = format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="gir-chart__svg" viewBox="0 0 {w} {h}" font-family="sans-serif" "#,
            r#"role="img" aria-labelledby="{id}-svg-title" aria-describedby="{id}-svg-desc" focusable="false">"#,
            r#"<title id="{id}-svg-title">{title}</title><desc id="{id}-svg-desc">{desc}</desc>{body}"#
        ),
        w = width,
        h = height,
        id = escape::markup(id),
        title = escape::markup(title),
        desc = escape::markup(&description),
        body = body,
    );
    BarChartSvg {
        svg,
        width,
        height,
        texts,
    }
}

enum Row<'a> {
    Format(ReportFormat),
    Year(&'a YearPoint),
}

/// What a screen reader hears: every year's value or gap, in order.
pub fn year_chart_description(unit: &str, points: &[YearPoint]) -> String {
    let years: Vec<String> = points
        .iter()
        .map(|p| match p.value {
            Some(v) => format!("{}年 {v}{unit}", p.year),
            None => format!("{}年 {}", p.year, p.gap),
        })
        .collect();
    format!("历年条形图,共{}年:{}。", points.len(), years.join(";"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use gir_model::table::Cell;

    fn value(literal: &str) -> Option<Decimal> {
        Cell::parse(literal).ok().and_then(|c| c.decimal())
    }

    fn points() -> Vec<YearPoint> {
        vec![
            YearPoint {
                year: 2017,
                value: None,
                gap: "该格式无此表".into(),
                format: Some(ReportFormat::Narrative),
            },
            YearPoint {
                year: 2019,
                value: value("18"),
                gap: String::new(),
                format: Some(ReportFormat::Trial2019),
            },
            YearPoint {
                year: 2020,
                value: None,
                gap: "空白".into(),
                format: Some(ReportFormat::Trial2019),
            },
            YearPoint {
                year: 2021,
                value: value("46"),
                gap: String::new(),
                format: Some(ReportFormat::Format2021),
            },
            YearPoint {
                year: 2022,
                value: None,
                gap: "无报告".into(),
                format: None,
            },
        ]
    }

    #[test]
    fn gaps_are_written_never_drawn_as_zero_and_format_changes_are_marked() {
        let drawing = year_chart("yoy-1", "新收申请", "件", &points(), 360);
        let texts: Vec<&str> = drawing.texts.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "2017年",
                "该格式无此表",
                "自此起:2019年试行格式",
                "2019年",
                "18件",
                "2020年",
                "空白",
                "自此起:2021年格式",
                "2021年",
                "46件",
                "2022年",
                "无报告"
            ]
        );
        // Two bars only: the gaps have none, not even a zero-width one.
        assert_eq!(drawing.svg.matches("<rect").count(), 2, "{}", drawing.svg);
        assert!(drawing.svg.contains("<desc id=\"yoy-1-svg-desc\">历年条形图,共5年:2017年 该格式无此表;2019年 18件;2020年 空白;2021年 46件;2022年 无报告。</desc>"));
    }

    #[test]
    fn nothing_overlaps_or_is_clipped() {
        for width in [288, 360, 400] {
            let drawing = year_chart("yoy-1", "新收申请", "件", &points(), width);
            for (i, a) in drawing.texts.iter().enumerate() {
                assert!(
                    a.x >= 0.0 && a.x + a.width <= width as f64,
                    "{width}: {} clipped",
                    a.text
                );
                assert!(
                    a.y >= 0.0 && a.y + a.height <= drawing.height as f64,
                    "{} clipped",
                    a.text
                );
                for b in &drawing.texts[i + 1..] {
                    let apart = a.x + a.width <= b.x
                        || b.x + b.width <= a.x
                        || a.y + a.height <= b.y
                        || b.y + b.height <= a.y;
                    assert!(apart, "{width}: “{}” overlaps “{}”", a.text, b.text);
                }
            }
        }
    }

    #[test]
    fn titles_and_ids_are_escaped() {
        let drawing = year_chart("a\"b", "<script>", "件", &points(), 360);
        assert!(drawing.svg.contains("&lt;script&gt;") && !drawing.svg.contains("<script>"));
        assert!(drawing.svg.contains("id=\"a&quot;b-svg-title\""));
    }
}
