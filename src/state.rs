//! Viewer state and its actions (a reducer, as in Yew's function_todomvc).
//!
//! Only what a reader changes lives here; the report itself is immutable data.

use std::ops::Range;
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

    /// BEM modifier on the report root: the size chosen, which the header,
    /// the contents and the preamble show at once.
    pub fn class(self) -> &'static str {
        match self {
            FontSize::Large => "gir-report--font-large",
            FontSize::Medium => "gir-report--font-medium",
            FontSize::Small => "gir-report--font-small",
        }
    }

    /// BEM modifier on a section: the size that section is shown at.
    pub fn section_class(self) -> &'static str {
        match self {
            FontSize::Large => "gir-section--font-large",
            FontSize::Medium => "gir-section--font-medium",
            FontSize::Small => "gir-section--font-small",
        }
    }
}

/// How a 字体 change reaches the sections. The browser lays out every line
/// again at the new size, which for a whole report takes several frames on a
/// slow phone; so the sections the reader sees switch at once, and the others
/// follow one per frame, nearest first. Each frame then stays short, and the
/// change is on screen in the frame after the click. Sections above the view
/// that grow or shrink later do not move the text being read: the browser's
/// scroll anchoring keeps it in place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FontRollout {
    /// The size each section is shown at; empty when all show the chosen size.
    shown: Vec<FontSize>,
    /// Sections still at an earlier size, the last to switch first.
    waiting: Vec<usize>,
}

impl FontRollout {
    /// The size section `index` is shown at, `chosen` being the size chosen.
    pub fn size_of(&self, index: usize, chosen: FontSize) -> FontSize {
        self.shown.get(index).copied().unwrap_or(chosen)
    }

    /// Whether some section is still waiting for the chosen size.
    pub fn is_pending(&self) -> bool {
        !self.waiting.is_empty()
    }

    /// The rollout after `size` was chosen (replacing `chosen`) with the
    /// sections `in_view` of `count` on screen: those switch now, the rest
    /// wait, ordered by their distance from the view, the next ones down first.
    fn start(&self, chosen: FontSize, size: FontSize, count: usize, in_view: Range<usize>) -> Self {
        let shown: Vec<FontSize> = (0..count)
            .map(|i| {
                if in_view.contains(&i) {
                    size
                } else {
                    self.size_of(i, chosen)
                }
            })
            .collect();
        // Nearest first: the next section down, then the next one up, and so on.
        let mut order = Vec::with_capacity(count);
        for step in 0..count {
            order.extend(Some(in_view.end + step).filter(|&i| i < count));
            order.extend(in_view.start.checked_sub(step + 1));
        }
        // Kept last-first, so the next to switch is popped off the end.
        let waiting = order
            .into_iter()
            .rev()
            .filter(|&i| shown[i] != size)
            .collect();
        Self::settle(shown, waiting)
    }

    /// The rollout one frame later: the next waiting section switches.
    fn advance(&self, chosen: FontSize) -> Self {
        let mut shown = self.shown.clone();
        let mut waiting = self.waiting.clone();
        if let Some(i) = waiting.pop() {
            shown[i] = chosen;
        }
        Self::settle(shown, waiting)
    }

    fn settle(shown: Vec<FontSize>, waiting: Vec<usize>) -> Self {
        if waiting.is_empty() {
            Self::default()
        } else {
            Self { shown, waiting }
        }
    }
}

/// The sections on screen when a size is chosen: `in_view` of `count`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionsInView {
    pub count: usize,
    pub in_view: Range<usize>,
}

/// The reader's settings, held by the root component.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewerState {
    /// The 字体 size chosen.
    pub font_size: FontSize,
    /// Sections still showing an earlier size after a change.
    pub font_rollout: FontRollout,
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
    /// Choose a size: with the sections on screen, those switch first and the
    /// rest follow (see [`FontRollout`]); without, all switch at once.
    SetFontSize(FontSize, Option<SectionsInView>),
    /// A frame has passed: the next waiting section takes the chosen size.
    FontRolloutStep,
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
            ViewerAction::SetFontSize(font_size, view) => ViewerState {
                font_size,
                font_rollout: match view {
                    Some(SectionsInView { count, in_view }) => {
                        current
                            .font_rollout
                            .start(current.font_size, font_size, count, in_view)
                    }
                    None => FontRollout::default(),
                },
                ..current
            },
            ViewerAction::FontRolloutStep => ViewerState {
                font_rollout: current.font_rollout.advance(current.font_size),
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
            .reduce(ViewerAction::SetFontSize(FontSize::Medium, None));
        assert!(Rc::ptr_eq(&state, &same), "no re-render for no change");
        let large = state.reduce(ViewerAction::SetFontSize(FontSize::Large, None));
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

    fn sizes(state: &ViewerState, count: usize) -> Vec<FontSize> {
        (0..count)
            .map(|i| state.font_rollout.size_of(i, state.font_size))
            .collect()
    }

    #[test]
    fn a_size_change_reaches_the_sections_in_view_first_then_the_nearest() {
        use FontSize::{Large as L, Medium as M};
        let state = Rc::new(ViewerState::default());
        let view = SectionsInView {
            count: 6,
            in_view: 2..4,
        };
        let mut state = state.reduce(ViewerAction::SetFontSize(L, Some(view)));
        assert_eq!(state.font_size, L);
        assert_eq!(sizes(&state, 6), [M, M, L, L, M, M]);
        // Below the view first, then alternating with the sections above it.
        let mut order = Vec::new();
        while state.font_rollout.is_pending() {
            let before = sizes(&state, 6);
            state = state.reduce(ViewerAction::FontRolloutStep);
            let after = sizes(&state, 6);
            let changed: Vec<usize> = (0..6).filter(|&i| before[i] != after[i]).collect();
            assert_eq!(
                changed.len(),
                1,
                "one section a frame: {before:?} -> {after:?}"
            );
            order.extend(changed);
        }
        assert_eq!(order, [4, 1, 5, 0]);
        assert_eq!(sizes(&state, 6), [L; 6]);
        assert_eq!(state.font_rollout, FontRollout::default());
    }

    #[test]
    fn a_new_choice_during_a_rollout_starts_from_what_is_shown() {
        use FontSize::{Large as L, Medium as M, Small as S};
        let view = |in_view| Some(SectionsInView { count: 4, in_view });
        let state = Rc::new(ViewerState::default())
            .reduce(ViewerAction::SetFontSize(L, view(0..1)))
            .reduce(ViewerAction::FontRolloutStep);
        assert_eq!(sizes(&state, 4), [L, L, M, M]);
        let state = state.reduce(ViewerAction::SetFontSize(S, view(3..4)));
        assert_eq!(sizes(&state, 4), [L, L, M, S]);
        // Back to the size some sections still show: only the others wait.
        let state = state.reduce(ViewerAction::SetFontSize(M, view(1..2)));
        assert_eq!(sizes(&state, 4), [L, M, M, S]);
        let state = state
            .reduce(ViewerAction::FontRolloutStep)
            .reduce(ViewerAction::FontRolloutStep);
        assert_eq!(sizes(&state, 4), [M; 4]);
        assert!(!state.font_rollout.is_pending());
        // Without a view (the remembered size on load), all switch at once.
        let all = state.reduce(ViewerAction::SetFontSize(S, None));
        assert_eq!(sizes(&all, 4), [S; 4]);
        assert!(!all.font_rollout.is_pending());
    }
}
