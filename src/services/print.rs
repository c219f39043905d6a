//! Printing: the browser's print dialog, its `afterprint` event, and the
//! `?print=…` request a portal can put in the page's URL.

use yew::Callback;

/// What `?print=…` asks for, from a URL query string (`location.search`):
/// `None` without the parameter, `Some("")` for a bare `?print`,
/// `Some("all")` or `Some(section id)` otherwise. Ids are URL-safe, so the
/// value is taken as written.
pub fn print_parameter(search: &str) -> Option<&str> {
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| match pair.split_once('=') {
            Some(("print", value)) => Some(value),
            None if pair == "print" => Some(""),
            _ => None,
        })
}

/// Keeps the `afterprint` listener alive; dropping it removes it.
pub struct AfterPrintWatch {
    #[cfg(target_arch = "wasm32")]
    _listener: gloo::events::EventListener,
}

/// The page URL's `?print=…` value, if any (see [`print_parameter`]).
#[cfg(target_arch = "wasm32")]
pub fn requested() -> Option<String> {
    let search = gloo::utils::window().location().search().ok()?;
    print_parameter(&search).map(str::to_string)
}

/// Opens the print dialog (browsers return once it is closed).
#[cfg(target_arch = "wasm32")]
pub fn open_dialog() {
    let _ = gloo::utils::window().print();
}

/// Tells the portal's developer why `?print=<id>` printed nothing.
#[cfg(target_arch = "wasm32")]
pub fn warn_unknown_section(id: &str) {
    let message = format!("报告查看器:?print={id} 不是本报告的章节,未打开打印");
    web_sys::console::warn_1(&message.into());
}

/// Calls `done` whenever the browser has finished printing (or the reader
/// cancelled), whoever started it.
#[cfg(target_arch = "wasm32")]
pub fn watch_after_print(done: Callback<()>) -> AfterPrintWatch {
    AfterPrintWatch {
        _listener: gloo::events::EventListener::new(
            &gloo::utils::window(),
            "afterprint",
            move |_| done.emit(()),
        ),
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn requested() -> Option<String> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub fn open_dialog() {}

#[cfg(not(target_arch = "wasm32"))]
pub fn warn_unknown_section(_id: &str) {}

#[cfg(not(target_arch = "wasm32"))]
pub fn watch_after_print(_done: Callback<()>) -> AfterPrintWatch {
    AfterPrintWatch {}
}

#[cfg(test)]
mod tests {
    use super::print_parameter;

    #[test]
    fn reads_the_print_parameter() {
        assert_eq!(print_parameter(""), None);
        assert_eq!(print_parameter("?font=large"), None);
        assert_eq!(print_parameter("?print=sec-5"), Some("sec-5"));
        assert_eq!(print_parameter("?a=1&print=all&b=2"), Some("all"));
        assert_eq!(print_parameter("?print"), Some(""));
        assert_eq!(print_parameter("?print="), Some(""));
        assert_eq!(print_parameter("?printer=x"), None);
    }
}
