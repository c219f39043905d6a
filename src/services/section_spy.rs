//! The 目录's scroll-spy: which section is being read.
//!
//! The section being read is the last one whose top has passed a line at 15%
//! of the viewport's height from its top; the first one before any has; the
//! last one at the end of the page, where a short last section never reaches
//! the line.
//!
//! Nothing is measured per scroll event. An `IntersectionObserver` watches
//! each section against a root that ends at the line and reaches far above
//! the page (root margin [`ABOVE_THE_LINE`]): a section intersects it exactly
//! while its top has passed the line, so the browser reports each section
//! whose top crosses the line, in either direction, however far a jump goes,
//! and after a resize (the margin is a share of the viewport). (A root of only
//! the band between the top of the viewport and the line would miss sections
//! that jump past the whole band: after a jump back to the top, the sections
//! in between would still count as passed.) The end of the page is the one
//! thing no section's box tells: a passive scroll and resize listener checks
//! it with three numbers, not a box.

use yew::Callback;

/// The observer's root, as a margin on the document's viewport: from 10⁶ px
/// above its top (far above any report) down to the line, 85% of its height
/// above its bottom.
pub const ABOVE_THE_LINE: &str = "1000000px 0px -85% 0px";

/// The section being read, of the sections in page order: whether each one's
/// top has passed the line, and whether the page is scrolled to its end.
pub fn section_being_read(passed: &[bool], at_page_end: bool) -> Option<usize> {
    let last = passed.len().checked_sub(1)?;
    if at_page_end {
        return Some(last);
    }
    Some(passed.iter().rposition(|&p| p).unwrap_or(0))
}

/// Keeps the observer and the listeners alive; dropping it stops them.
pub struct SectionSpy {
    #[cfg(target_arch = "wasm32")]
    _watch: Option<browser::Watch>,
}

/// Calls `on_change` with the index of the section being read, of the
/// sections `ids` in page order: once the browser has placed them (the next
/// frame), then whenever it changes.
#[cfg(target_arch = "wasm32")]
pub fn watch_current_section(ids: Vec<String>, on_change: Callback<Option<usize>>) -> SectionSpy {
    SectionSpy {
        _watch: browser::watch(ids, on_change),
    }
}

/// Natively (SSR, tests) nothing scrolls: nothing is reported.
#[cfg(not(target_arch = "wasm32"))]
pub fn watch_current_section(_ids: Vec<String>, _on_change: Callback<Option<usize>>) -> SectionSpy {
    SectionSpy {}
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{section_being_read, ABOVE_THE_LINE};
    use gloo::events::EventListener;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::js_sys::Array;
    use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
    use yew::Callback;

    /// What the spy has seen of the page.
    struct Seen {
        ids: Vec<String>,
        /// Per section: its top has passed the line.
        passed: Vec<bool>,
        /// The observer has reported every section once.
        observed: bool,
        /// The section last reported.
        current: Option<usize>,
    }

    struct Spy {
        seen: RefCell<Seen>,
        on_change: Callback<Option<usize>>,
    }

    impl Spy {
        /// Reports the section being read if it changed (outside the borrow:
        /// the report re-renders). One function for the observer and the
        /// listeners, so the browser build carries one copy.
        fn report(&self) {
            let change = {
                let mut seen = self.seen.borrow_mut();
                let now = section_being_read(&seen.passed, at_page_end());
                (seen.observed && now != seen.current).then(|| {
                    seen.current = now;
                    now
                })
            };
            if let Some(now) = change {
                self.on_change.emit(now);
            }
        }
    }

    /// Scrolled to the end of the page (within 2 px). The window's numbers,
    /// not the root element's: a host page in quirks mode scrolls the body.
    fn at_page_end() -> bool {
        let window = gloo::utils::window();
        let viewport = window.inner_height().ok().and_then(|h| h.as_f64());
        let bottom = window.scroll_y().unwrap_or(0.0) + viewport.unwrap_or(0.0);
        bottom >= gloo::utils::document_element().scroll_height() as f64 - 2.0
    }

    pub struct Watch {
        observer: IntersectionObserver,
        _on_entries: Closure<dyn FnMut(Array)>,
        _listeners: [EventListener; 2],
    }

    impl Drop for Watch {
        fn drop(&mut self) {
            // Before the callback goes: no report can come after.
            self.observer.disconnect();
        }
    }

    pub fn watch(ids: Vec<String>, on_change: Callback<Option<usize>>) -> Option<Watch> {
        let spy = Rc::new(Spy {
            seen: RefCell::new(Seen {
                passed: vec![false; ids.len()],
                ids,
                observed: false,
                current: None,
            }),
            on_change,
        });
        let on_entries = {
            let spy = spy.clone();
            Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
                {
                    let mut seen = spy.seen.borrow_mut();
                    for entry in entries.iter() {
                        let entry: IntersectionObserverEntry = entry.unchecked_into();
                        let id = entry.target().id();
                        if let Some(i) = seen.ids.iter().position(|s| *s == id) {
                            seen.passed[i] = entry.is_intersecting();
                        }
                    }
                    seen.observed = true;
                }
                spy.report();
            })
        };
        let document = gloo::utils::document();
        let init = IntersectionObserverInit::new();
        // The document's own viewport: in an iframe too, where the implicit
        // root would be the top page's viewport (web-sys types the root as
        // an Element; the API takes an Element or a Document).
        init.set_root(Some(document.unchecked_ref()));
        init.set_root_margin(ABOVE_THE_LINE);
        let observer =
            IntersectionObserver::new_with_options(on_entries.as_ref().unchecked_ref(), &init)
                .ok()?;
        for id in &spy.seen.borrow().ids {
            if let Some(section) = document.get_element_by_id(id) {
                observer.observe(&section);
            }
        }
        let on_scroll = move |_: &web_sys::Event| spy.report();
        let window = gloo::utils::window();
        Some(Watch {
            observer,
            _on_entries: on_entries,
            _listeners: [
                EventListener::new(&window, "scroll", on_scroll.clone()),
                EventListener::new(&window, "resize", on_scroll),
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_section_whose_top_has_passed_the_line_is_being_read() {
        assert_eq!(
            section_being_read(&[true, true, false, false], false),
            Some(1)
        );
        // Scrolling back up: the marks follow.
        assert_eq!(
            section_being_read(&[true, false, false, false], false),
            Some(0)
        );
        assert_eq!(
            section_being_read(&[true, true, true, true], false),
            Some(3)
        );
    }

    #[test]
    fn before_any_the_first_and_at_the_page_end_the_last() {
        assert_eq!(section_being_read(&[false, false, false], false), Some(0));
        // A short last section whose top never reaches the line.
        assert_eq!(section_being_read(&[true, true, false], true), Some(2));
        assert_eq!(section_being_read(&[], true), None);
        assert_eq!(section_being_read(&[], false), None);
    }
}
