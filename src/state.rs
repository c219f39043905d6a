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
}

/// How a 字体 change reaches the text. The browser lays out every line again
/// at the new size, which for a whole report takes several frames on a slow
/// phone; so the parts of the text the reader sees switch at once, and the
/// others follow a few per frame, nearest first. Each frame then stays short,
/// and the change is on screen in the frame after the click.
///
/// A part is a section's head or one of its blocks with the charts placed
/// after it (numbered through the report, see
/// `section_parts` in the markup module): a long section half on screen
/// is not laid out whole in that first frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FontRollout {
    /// The size each part is shown at; empty when all show the chosen size.
    shown: Vec<FontSize>,
    /// Parts still at an earlier size, the last to switch first.
    waiting: Vec<usize>,
}

impl FontRollout {
    /// How many waiting parts switch in each frame after the first: one
    /// frame's worth of layout on a slow phone, and the whole seed report
    /// done in about ten frames.
    pub const PARTS_PER_FRAME: usize = 4;

    /// The size part `index` is shown at, `chosen` being the size chosen.
    pub fn size_of(&self, index: usize, chosen: FontSize) -> FontSize {
        self.shown.get(index).copied().unwrap_or(chosen)
    }

    /// Whether some part is still waiting for the chosen size.
    pub fn is_pending(&self) -> bool {
        !self.waiting.is_empty()
    }

    /// The rollout after `size` was chosen (replacing `chosen`) with the
    /// parts `in_view` of `count` on screen: those switch now, the rest wait,
    /// ordered by their distance from the view, the next ones down first.
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
        // Nearest first: the next part down, then the next one up, and so on.
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

    /// The rollout one frame later: the next waiting parts switch.
    fn advance(&self, chosen: FontSize) -> Self {
        let mut shown = self.shown.clone();
        let mut waiting = self.waiting.clone();
        for _ in 0..Self::PARTS_PER_FRAME {
            if let Some(i) = waiting.pop() {
                shown[i] = chosen;
            }
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

/// The parts of the text on screen when a size is chosen: `in_view` of
/// `count`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartsInView {
    pub count: usize,
    pub in_view: Range<usize>,
}

/// The reader's settings, held by the root component.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewerState {
    /// The 字体 size chosen.
    pub font_size: FontSize,
    /// Parts of the text still showing an earlier size after a change.
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
    /// Choose a size: with the parts on screen, those switch first and the
    /// rest follow (see [`FontRollout`]); without, all switch at once.
    SetFontSize(FontSize, Option<PartsInView>),
    /// A frame has passed: the next waiting parts take the chosen size.
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
                    Some(PartsInView { count, in_view }) => {
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
    fn a_size_change_reaches_the_parts_in_view_first_then_the_nearest() {
        use FontSize::{Large as L, Medium as M};
        let view = PartsInView {
            count: 12,
            in_view: 5..7,
        };
        let mut state =
            Rc::new(ViewerState::default()).reduce(ViewerAction::SetFontSize(L, Some(view)));
        assert_eq!(state.font_size, L);
        assert_eq!(sizes(&state, 12), [M, M, M, M, M, L, L, M, M, M, M, M]);
        // Below the view first, then alternating with the parts above it, a
        // few parts a frame.
        let mut order = Vec::new();
        while state.font_rollout.is_pending() {
            let before = sizes(&state, 12);
            state = state.reduce(ViewerAction::FontRolloutStep);
            let after = sizes(&state, 12);
            let changed: Vec<usize> = (0..12).filter(|&i| before[i] != after[i]).collect();
            assert!(
                !changed.is_empty() && changed.len() <= FontRollout::PARTS_PER_FRAME,
                "{before:?} -> {after:?}"
            );
            // Within a frame the order does not matter; across frames it does.
            order.push(changed);
        }
        let expected = [7, 4, 8, 3, 9, 2, 10, 1, 11, 0];
        let frames: Vec<Vec<usize>> = expected
            .chunks(FontRollout::PARTS_PER_FRAME)
            .map(|chunk| {
                let mut chunk = chunk.to_vec();
                chunk.sort();
                chunk
            })
            .collect();
        assert_eq!(order, frames);
        assert_eq!(sizes(&state, 12), [L; 12]);
        assert_eq!(state.font_rollout, FontRollout::default());
    }

    #[test]
    fn a_new_choice_during_a_rollout_starts_from_what_is_shown() {
        use FontSize::{Large as L, Medium as M, Small as S};
        assert_eq!(FontRollout::PARTS_PER_FRAME, 4, "the sizes below assume 4");
        let view = |in_view| Some(PartsInView { count: 12, in_view });
        let state = Rc::new(ViewerState::default())
            .reduce(ViewerAction::SetFontSize(L, view(0..1)))
            .reduce(ViewerAction::FontRolloutStep);
        assert_eq!(sizes(&state, 12), [L, L, L, L, L, M, M, M, M, M, M, M]);
        let state = state.reduce(ViewerAction::SetFontSize(S, view(11..12)));
        assert_eq!(sizes(&state, 12), [L, L, L, L, L, M, M, M, M, M, M, S]);
        // Back to the size some parts still show: only the others wait.
        let state = state.reduce(ViewerAction::SetFontSize(M, view(5..6)));
        assert_eq!(sizes(&state, 12), [L, L, L, L, L, M, M, M, M, M, M, S]);
        let state = state.reduce(ViewerAction::FontRolloutStep);
        assert_eq!(sizes(&state, 12), [L, M, M, M, M, M, M, M, M, M, M, S]);
        let state = state.reduce(ViewerAction::FontRolloutStep);
        assert_eq!(sizes(&state, 12), [M; 12]);
        assert!(!state.font_rollout.is_pending());
        // Without a view (the remembered size on load), all switch at once.
        let all = state.reduce(ViewerAction::SetFontSize(S, None));
        assert_eq!(sizes(&all, 12), [S; 12]);
        assert!(!all.font_rollout.is_pending());
    }
}
