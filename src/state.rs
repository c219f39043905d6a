//! Viewer state and its actions (a reducer, as in Yew's function_todomvc).
//!
//! Only what a reader changes lives here; the report itself is immutable data.

use std::rc::Rc;
use yew::Reducible;

/// The portal's 字体 大/中/小 choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FontSize {
    Small,
    #[default]
    Medium,
    Large,
}

impl FontSize {
    pub const ALL: [FontSize; 3] = [FontSize::Large, FontSize::Medium, FontSize::Small];

    /// The button label, as portals print it.
    pub fn label(self) -> &'static str {
        match self {
            FontSize::Large => "大",
            FontSize::Medium => "中",
            FontSize::Small => "小",
        }
    }

    /// The value stored in localStorage and accepted in `data-gir-font-size`
    /// (either the Chinese label or small/medium/large).
    pub fn key(self) -> &'static str {
        match self {
            FontSize::Large => "large",
            FontSize::Medium => "medium",
            FontSize::Small => "small",
        }
    }

    pub fn parse(text: &str) -> Option<FontSize> {
        FontSize::ALL
            .into_iter()
            .find(|size| text.trim() == size.key() || text.trim() == size.label())
    }

    /// BEM modifier on the report root.
    pub fn class(self) -> &'static str {
        match self {
            FontSize::Large => "gir-report--font-large",
            FontSize::Medium => "gir-report--font-medium",
            FontSize::Small => "gir-report--font-small",
        }
    }
}

/// The reader's settings; provided to every component as a Yew context.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewerState {
    pub font_size: FontSize,
    /// White on black, for low vision.
    pub high_contrast: bool,
    /// The section being printed on its own (打印本节, `?print=<id>`): the
    /// print stylesheet hides the rest of the body until the print is over.
    pub print_section: Option<String>,
    /// A print was asked for and the dialog is not open yet: the app opens it
    /// once the page shows what is to be printed, and only once.
    pub print_pending: bool,
}

pub enum ViewerAction {
    SetFontSize(FontSize),
    SetHighContrast(bool),
    /// Print one section (`Some(id)`) or the whole report (`None`).
    Print(Option<String>),
    /// The print dialog has been opened for the pending request.
    PrintDialogOpened,
    /// The browser is done printing: show the whole report again.
    AfterPrint,
}

impl Reducible for ViewerState {
    type Action = ViewerAction;

    fn reduce(self: Rc<Self>, action: ViewerAction) -> Rc<Self> {
        let current = (*self).clone();
        let next = match action {
            ViewerAction::SetFontSize(font_size) => ViewerState {
                font_size,
                ..current
            },
            ViewerAction::SetHighContrast(high_contrast) => ViewerState {
                high_contrast,
                ..current
            },
            ViewerAction::Print(print_section) => ViewerState {
                print_section,
                print_pending: true,
                ..current
            },
            ViewerAction::PrintDialogOpened => ViewerState {
                print_pending: false,
                ..current
            },
            ViewerAction::AfterPrint => ViewerState {
                print_section: None,
                ..current
            },
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_sizes_parse_from_labels_and_keys() {
        assert_eq!(FontSize::parse("大"), Some(FontSize::Large));
        assert_eq!(FontSize::parse(" small "), Some(FontSize::Small));
        assert_eq!(FontSize::parse("中"), Some(FontSize::Medium));
        assert_eq!(FontSize::parse("huge"), None);
    }

    #[test]
    fn setting_the_same_size_keeps_the_state() {
        let state = Rc::new(ViewerState::default());
        let same = state
            .clone()
            .reduce(ViewerAction::SetFontSize(FontSize::Medium));
        assert!(Rc::ptr_eq(&state, &same), "no re-render for no change");
        let large = state.reduce(ViewerAction::SetFontSize(FontSize::Large));
        assert_eq!(large.font_size, FontSize::Large);
        let contrast = large.reduce(ViewerAction::SetHighContrast(true));
        assert_eq!(
            *contrast,
            ViewerState {
                font_size: FontSize::Large,
                high_contrast: true,
                ..ViewerState::default()
            }
        );
    }

    #[test]
    fn printing_a_section_lasts_until_the_print_is_over() {
        let state = Rc::new(ViewerState::default());
        let asked = state.reduce(ViewerAction::Print(Some("sec-5".into())));
        assert_eq!(asked.print_section.as_deref(), Some("sec-5"));
        assert!(asked.print_pending);
        let opened = asked.reduce(ViewerAction::PrintDialogOpened);
        assert!(!opened.print_pending, "the dialog opens once");
        assert_eq!(opened.print_section.as_deref(), Some("sec-5"));
        let done = opened.reduce(ViewerAction::AfterPrint);
        assert_eq!(*done, ViewerState::default());
        let whole = done.reduce(ViewerAction::Print(None));
        assert_eq!(whole.print_section, None);
        assert!(whole.print_pending);
    }
}
