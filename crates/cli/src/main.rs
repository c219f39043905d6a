//! `report-viewer import | check | render`: see `report-viewer --help`.

fn main() {
    let status = report_viewer::cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(status);
}
