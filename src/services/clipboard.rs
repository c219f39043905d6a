//! Copying a link to the clipboard (the 复制本节链接 control).

use yew::Callback;

/// The page's URL with `#fragment` in place of any current fragment.
#[cfg(target_arch = "wasm32")]
pub fn link_to(fragment: &str) -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Writes `text` to the clipboard; `done` hears whether it worked.
#[cfg(target_arch = "wasm32")]
pub fn copy(text: String, done: Callback<bool>) {
    let promise = gloo::utils::window()
        .navigator()
        .clipboard()
        .write_text(&text);
    yew::platform::spawn_local(async move {
        done.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

#[cfg(not(target_arch = "wasm32"))]
pub fn link_to(fragment: &str) -> String {
    format!("#{fragment}")
}

#[cfg(not(target_arch = "wasm32"))]
pub fn copy(_text: String, done: Callback<bool>) {
    done.emit(false);
}
