//! `report-viewer build | serve | import | check | render`: see `report-viewer --help`.

fn main() {
    // Not locked for the whole run: `serve` prints from its watcher thread
    // too, and a lock held here would stop it at its first line.
    let status = report_viewer::cli::run(
        std::env::args_os(),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    std::process::exit(status);
}
