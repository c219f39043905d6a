use crate::services::section_spy;
use yew::prelude::*;

/// The index of the section being read, of the sections `ids` in page
/// order; follows the reader's scrolling. `None` until the page is live (so
/// the prerendered markup marks no section).
#[hook]
pub fn use_current_section(ids: Vec<String>) -> Option<usize> {
    let current = use_state(|| None::<usize>);
    {
        let current = current.clone();
        use_effect_with(ids, move |ids| {
            let spy = section_spy::watch_current_section(
                ids.clone(),
                // The spy reports changes only.
                Callback::from(move |index| current.set(index)),
            );
            // Dropping the spy stops its observer and listeners.
            move || {
                let _spy = spy;
            }
        });
    }
    *current
}
