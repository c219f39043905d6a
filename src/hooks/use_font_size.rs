use crate::embedded::SharedPage;
use crate::markup::part_count;
use crate::services::reading_position::{reading_position, ReadingPosition};
use crate::services::{frames, parts_in_view::parts_in_view, preferences};
use crate::state::{FontSize, PartsInView, ViewerAction, ViewerState};
use gir_model::anchors::body_id;
use yew::prelude::*;

/// The 字体 control's callback: remembers the choice, switches the parts of
/// the text on screen at once and the others a few per frame (see
/// [`crate::state::FontRollout`]), and keeps the line being read where it is
/// on screen while the text above it grows or shrinks.
///
/// The browser's own scroll anchoring cannot do the last part: it stands
/// down whenever the anchor or an ancestor of it changes an em-based margin,
/// which is exactly what a size change does.
#[hook]
pub fn use_font_size(
    state: UseReducerHandle<ViewerState>,
    report: Option<SharedPage>,
) -> Callback<FontSize> {
    let position = use_mut_ref(|| None::<ReadingPosition>);
    let dispatcher = state.dispatcher();
    {
        let position = position.clone();
        let dispatcher = dispatcher.clone();
        let changed = (state.font_size, state.font_rollout.clone());
        use_effect_with(changed, move |(_, rollout)| {
            let mut kept = position.borrow_mut();
            if let Some(reading) = kept.as_mut() {
                if !reading.keep() || !rollout.is_pending() {
                    // The reader scrolled, or every part has its size.
                    *kept = None;
                }
            }
            let frame = rollout.is_pending().then(|| {
                frames::next_frame(move || dispatcher.dispatch(ViewerAction::FontRolloutStep))
            });
            // A newer rollout (or unmounting) drops the handle, which cancels
            // the step not yet taken.
            move || {
                let _pending = frame;
            }
        });
    }
    use_callback((dispatcher, report), move |size, (dispatcher, report)| {
        #[cfg(feature = "fault-injection")]
        if size == FontSize::Large {
            panic!("fault injection: 字体 大");
        }
        preferences::store_font_size(size);
        let view = report.as_ref().and_then(|r| {
            let body = body_id(&r.id);
            *position.borrow_mut() = reading_position(&body);
            let count = part_count(r);
            let in_view = parts_in_view(&body, count)?;
            Some(PartsInView { count, in_view })
        });
        dispatcher.dispatch(ViewerAction::SetFontSize(size, view));
    })
}
