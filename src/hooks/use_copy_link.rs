use crate::services::clipboard;
use yew::prelude::*;

/// 复制本节链接: the callback that copies the link to the element `id`, and
/// what the last copy did, to be announced politely to screen readers
/// (empty before any).
#[hook]
pub fn use_copy_link(id: &str) -> (AttrValue, Callback<MouseEvent>) {
    let status = use_state(AttrValue::default);
    let on_copy = {
        let status = status.clone();
        let id = id.to_string();
        Callback::from(move |_| {
            let status = status.clone();
            let link = clipboard::link_to(&id);
            let shown = link.clone();
            clipboard::copy(
                link,
                Callback::from(move |copied: bool| {
                    status.set(if copied {
                        AttrValue::from("链接已复制")
                    } else {
                        AttrValue::from(format!("请手动复制:{shown}"))
                    })
                }),
            );
        })
    };
    ((*status).clone(), on_copy)
}
