use crate::services::preferences;
use crate::state::{ViewerAction, ViewerState};
use yew::prelude::*;

/// Applies the reader's remembered 字体 and contrast choices once the page is
/// live; returns the callback that changes and remembers the contrast (the
/// 字体 one is [`super::use_font_size`]).
#[hook]
pub fn use_remembered_settings(state: UseReducerHandle<ViewerState>) -> Callback<bool> {
    let dispatcher = state.dispatcher();
    {
        let dispatcher = dispatcher.clone();
        use_effect_with((), move |_| {
            // On load the whole report takes the remembered size at once: the
            // reader has not started reading, and a deep link must land on
            // text at its final size.
            if let Some(size) = preferences::stored_font_size() {
                dispatcher.dispatch(ViewerAction::SetFontSize(size, None));
            }
            if let Some(on) = preferences::stored_high_contrast() {
                dispatcher.dispatch(ViewerAction::SetHighContrast(on));
            }
        });
    }
    // Only the reader tools take it, and they re-render with every change of
    // the settings anyway: no need to keep it the same across renders.
    Callback::from(move |on| {
        preferences::store_high_contrast(on);
        dispatcher.dispatch(ViewerAction::SetHighContrast(on));
    })
}
