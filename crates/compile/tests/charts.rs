//! Chart SVGs: labels and values present, accessible name, no overlap or clipping.

mod common;

use gir_compile::charts::{bar_chart, PlacedText, WIDTH_LARGE, WIDTH_MEDIUM, WIDTH_SMALL};
use gir_model::report::{Chart, ChartKind, Figure, Report};

fn report() -> Report {
    let json = common::repo_file("assets/reports/nanfen-2017.json");
    common::load_valid("nanfen-2017.json", &json)
}

fn overlaps(a: &PlacedText, b: &PlacedText) -> bool {
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

#[test]
fn every_bar_chart_labels_each_value_without_overlap_or_clipping() {
    let report = report();
    let bar_charts: Vec<_> = report
        .charts
        .iter()
        .filter(|c| c.kind == ChartKind::Bars)
        .collect();
    // Each on one unit's scale; the “5·15” and 政务服务 figures, in units of
    // their own, are stated in boxes.
    assert_eq!(bar_charts.len(), 3, "the seed's bar charts");
    for chart in bar_charts {
        let bars = report.figures_with_ids(&chart.figures);
        let notes = report.figures_with_ids(&chart.notes);
        for width in [WIDTH_LARGE, WIDTH_MEDIUM, WIDTH_SMALL] {
            let drawing = bar_chart(chart, &bars, &notes, width);
            for figure in bars.iter().chain(&notes) {
                assert!(
                    drawing
                        .svg
                        .contains(&format!(">{}</text>", figure.display_value()))
                        || drawing.svg.contains(&figure.display_value()),
                    "{}: value {} is written",
                    chart.id,
                    figure.display_value()
                );
                assert!(
                    drawing.svg.contains(&figure.label),
                    "{}: label {}",
                    chart.id,
                    figure.label
                );
            }
            for (i, a) in drawing.texts.iter().enumerate() {
                assert!(
                    a.x >= 0.0 && a.x + a.width <= width as f64,
                    "{}: \"{}\" clipped horizontally",
                    chart.id,
                    a.text
                );
                assert!(
                    a.y >= 0.0 && a.y + a.height <= drawing.height as f64,
                    "{}: \"{}\" clipped vertically",
                    chart.id,
                    a.text
                );
                for b in &drawing.texts[i + 1..] {
                    assert!(
                        !overlaps(a, b),
                        "{}: \"{}\" overlaps \"{}\"",
                        chart.id,
                        a.text,
                        b.text
                    );
                }
            }
        }
    }
}

#[test]
fn chart_svg_has_an_accessible_name_and_description_with_every_value() {
    let report = report();
    let chart = report
        .charts
        .iter()
        .find(|c| c.id == "chart-published")
        .unwrap();
    let svg = bar_chart(
        chart,
        &report.figures_with_ids(&chart.figures),
        &report.figures_with_ids(&chart.notes),
        WIDTH_MEDIUM,
    )
    .svg;
    assert!(
        svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gir-chart__svg\" viewBox=\"0 0 360 "
        ),
        "{svg}"
    );
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("aria-labelledby=\"chart-published-svg-title\" aria-describedby=\"chart-published-svg-desc\""));
    assert!(svg.contains(
        "<title id=\"chart-published-svg-title\">2017年政务网站公开政府信息(按类别)</title>"
    ));
    assert!(svg.contains("<desc id=\"chart-published-svg-desc\">横向条形图,共3项:概况类信息 12条;政务动态信息 1182条;信息公开目录信息 439条。另:政务网站公开政府信息 1633条。</desc>"), "{svg}");
    assert_eq!(svg.matches("<svg").count(), 1, "one root element");
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn bars_are_proportional_to_values() {
    let report = report();
    let chart = report
        .charts
        .iter()
        .find(|c| c.id == "chart-proposals")
        .unwrap();
    let svg = bar_chart(
        chart,
        &report.figures_with_ids(&chart.figures),
        &[],
        WIDTH_MEDIUM,
    )
    .svg;
    // plotters writes filled rectangles as <rect x y width height …>.
    let widths: Vec<f64> = svg
        .split("<rect ")
        .skip(1)
        .filter_map(|r| r.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect();
    assert_eq!(widths.len(), 5, "{svg}");
    let unit = widths[0] / 5.0;
    for (width, value) in widths.iter().zip([5.0, 6.0, 6.0, 2.0, 3.0]) {
        assert!(
            (width - value * unit).abs() <= 1.5,
            "bar {width} for value {value} (unit {unit})"
        );
    }
}

#[test]
fn more_than_values_show_a_fading_tail_and_a_legend() {
    let report = report();
    // Two “余” values of one unit (the seed's 10余幅, and one more like it),
    // with the seed's 2000余份 beside the chart.
    let banners = report.figure("event-banners").unwrap().clone();
    let more = Figure {
        id: "event-banners-more".into(),
        value: 20,
        stated: "20余幅".into(),
        ..banners.clone()
    };
    let chart = Chart {
        id: "chart-banners".into(),
        after: "sec-1-sub3".into(),
        kind: ChartKind::Bars,
        title: "宣传条幅".into(),
        figures: vec![banners.id.clone(), more.id.clone()],
        notes: vec!["event-leaflets".into()],
    };
    let drawing = bar_chart(
        &chart,
        &[&banners, &more],
        &report.figures_with_ids(&chart.notes),
        WIDTH_MEDIUM,
    );
    assert!(
        drawing.svg.contains("10余幅")
            && drawing.svg.contains("20余幅")
            && drawing.svg.contains("2000余份")
    );
    assert!(
        drawing.svg.contains("“余”表示多于该数"),
        "legend explains 余"
    );
    // Two "余" bars, three tail steps each, drawn translucent.
    assert_eq!(
        drawing.svg.matches("opacity=\"0.14\"").count(),
        2,
        "{}",
        drawing.svg
    );
    let exact = report
        .charts
        .iter()
        .find(|c| c.id == "chart-published")
        .unwrap();
    let plain = bar_chart(
        exact,
        &report.figures_with_ids(&exact.figures),
        &[],
        WIDTH_MEDIUM,
    )
    .svg;
    assert!(!plain.contains("“余”表示"), "no legend without 余 values");
}

#[test]
fn long_notes_wrap_after_punctuation_within_the_width() {
    let lines = gir_compile::charts::wrap(
        "“余”表示多于该数;条末渐淡部分表示实际数值未公布。",
        14.0,
        336.0,
    );
    assert_eq!(
        lines,
        ["“余”表示多于该数;", "条末渐淡部分表示实际数值未公布。"]
    );
    let long = "一".repeat(50);
    let lines = gir_compile::charts::wrap(&long, 16.0, 336.0);
    assert_eq!(lines.concat(), long, "nothing lost");
    assert!(lines
        .iter()
        .all(|l| gir_compile::charts::text_width(l, 16.0) <= 336.0));
}
