//! An HTML page parsed as browsers parse it (html5ever, through scraper),
//! with the source line each element starts on, so that what the importer
//! says about an element names its line.

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{driver, Attribute, QualName};
use scraper::{Html, HtmlTreeSink};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

type Handle = <HtmlTreeSink as TreeSink>::Handle;

/// A parsed page and the line of each element.
pub(super) struct ParsedPage {
    pub(super) html: Html,
    lines: HashMap<Handle, usize>,
}

impl ParsedPage {
    pub(super) fn parse(source: &str) -> ParsedPage {
        let sink = LineSink {
            inner: HtmlTreeSink::new(Html::new_document()),
            line: Cell::new(1),
            lines: RefCell::new(HashMap::new()),
        };
        driver::parse_document(sink, Default::default()).one(source)
    }

    /// The 1-based source line where the element `id` starts (1 for nodes
    /// the parser made up, such as an implied `<tbody>`'s parent).
    pub(super) fn line_of(&self, id: Handle) -> usize {
        self.lines.get(&id).copied().unwrap_or(1)
    }
}

/// scraper's tree sink, noting the tokenizer's line at each element it
/// creates. Every other call is passed through as it is.
struct LineSink {
    inner: HtmlTreeSink,
    line: Cell<u64>,
    lines: RefCell<HashMap<Handle, usize>>,
}

impl TreeSink for LineSink {
    type Handle = Handle;
    type Output = ParsedPage;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> ParsedPage {
        ParsedPage {
            html: self.inner.finish(),
            lines: self.lines.into_inner(),
        }
    }

    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let handle = self.inner.create_element(name, attrs, flags);
        let line = usize::try_from(self.line.get()).unwrap_or(usize::MAX);
        self.lines.borrow_mut().insert(handle, line);
        handle
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn get_document(&self) -> Handle {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Handle) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_comment(&self, text: StrTendril) -> Handle {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }
    fn mark_script_already_started(&self, node: &Handle) {
        self.inner.mark_script_already_started(node)
    }
    fn pop(&self, node: &Handle) {
        self.inner.pop(node)
    }
    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn associate_with_form(
        &self,
        target: &Handle,
        form: &Handle,
        nodes: (&Handle, Option<&Handle>),
    ) {
        self.inner.associate_with_form(target, form, nodes)
    }
    fn remove_from_parent(&self, target: &Handle) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.inner.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }
    fn allow_declarative_shadow_roots(&self, intended_parent: &Handle) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }
    fn attach_declarative_shadow(
        &self,
        location: &Handle,
        template: &Handle,
        attrs: &[Attribute],
    ) -> bool {
        self.inner
            .attach_declarative_shadow(location, template, attrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_know_their_source_line() {
        let page =
            ParsedPage::parse("<!DOCTYPE html>\n<html><body>\n<p>a</p>\n\n<div>\n<p>b</p></div>");
        let lines: Vec<(String, usize)> = page
            .html
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
            .filter(|e| matches!(e.value().name(), "p" | "div"))
            .map(|e| (e.text().collect(), page.line_of(e.id())))
            .collect();
        assert_eq!(
            lines,
            [
                ("a".to_string(), 3),
                ("\nb".to_string(), 5),
                ("b".to_string(), 6)
            ]
        );
    }
}
