//! The built-in report: the seed, 南芬区2017年度政府信息公开工作报告, carried in
//! the binary so `report-viewer serve` with no folder shows a report.

use gir_compile::load::load_report;
use gir_compile::pipeline::compile_report;
use gir_model::bundle::CompiledReport;

/// The seed's dataset file, as `assets/reports/` holds it.
pub const FILE_NAME: &str = "nanfen-2017.json";
pub const JSON: &str = include_str!("../../../assets/reports/nanfen-2017.json");

/// The seed, loaded, checked and compiled as a build does.
pub fn compiled() -> CompiledReport {
    let report = load_report(FILE_NAME, JSON).expect("the built-in seed is a valid dataset");
    compile_report(report)
}
