use crate::embedded::SharedPage;
use crate::services::print;
use crate::state::{ViewerAction, ViewerState};
use yew::prelude::*;

/// Printing: `?print=<section id>` prints that section, `?print=all` (or a bare
/// `?print`) the whole report, once, on load; an unknown id prints nothing.
/// Returns the callback of the 打印全文 / 打印本节 buttons.
#[hook]
pub fn use_print_request(
    state: UseReducerHandle<ViewerState>,
    report: Option<SharedPage>,
) -> Callback<Option<String>> {
    {
        let state = state.clone();
        use_effect_with((), move |_| match print::requested().as_deref() {
            None => {}
            Some("" | "all") => state.dispatch(ViewerAction::Print(None)),
            Some(id) if report.iter().any(|r| r.section(id).is_some()) => {
                state.dispatch(ViewerAction::Print(Some(id.to_string())))
            }
            Some(id) => print::warn_unknown_section(id),
        });
    }
    // The dialog opens after the render that applied the request, so what it
    // prints is what was asked for; the flag is cleared so it opens only once.
    {
        let state = state.clone();
        use_effect_with(state.print_pending, move |pending| {
            if *pending {
                print::open_dialog();
                state.dispatch(ViewerAction::PrintDialogOpened);
            }
        });
    }
    // Whoever started the print (our buttons or the browser's menu), the whole
    // report comes back once it is over.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let watch = print::watch_after_print(Callback::from(move |_| {
                state.dispatch(ViewerAction::AfterPrint)
            }));
            // Dropping the watch removes its listener.
            move || {
                let _listener = watch;
            }
        });
    }
    // The same callback every render, so the sections that take it re-render
    // only when what they show changes.
    use_callback(state.dispatcher(), |section, dispatcher| {
        dispatcher.dispatch(ViewerAction::Print(section))
    })
}
