use crate::services::preferences;
use crate::state::{FontSize, ViewerAction, ViewerState};
use yew::prelude::*;

/// Applies the reader's remembered 字体 and contrast choices once the page is
/// live; returns the callbacks that change and remember them.
#[hook]
pub fn use_remembered_settings(
    state: UseReducerHandle<ViewerState>,
) -> (Callback<FontSize>, Callback<bool>) {
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if let Some(size) = preferences::stored_font_size() {
                state.dispatch(ViewerAction::SetFontSize(size));
            }
            if let Some(on) = preferences::stored_high_contrast() {
                state.dispatch(ViewerAction::SetHighContrast(on));
            }
        });
    }
    let on_font_size = {
        let state = state.clone();
        Callback::from(move |size| {
            preferences::store_font_size(size);
            state.dispatch(ViewerAction::SetFontSize(size));
        })
    };
    let on_high_contrast = Callback::from(move |on| {
        preferences::store_high_contrast(on);
        state.dispatch(ViewerAction::SetHighContrast(on));
    });
    (on_font_size, on_high_contrast)
}
