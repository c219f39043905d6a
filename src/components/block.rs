//! A block of running text: paragraph, paragraph with a run-in subsection
//! heading, or a list of ordinal items (一是 …). Labels are printed exactly as
//! published, "()" included.

use crate::model::Block;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BlockViewProps {
    pub block: Block,
}

#[function_component]
pub fn BlockView(props: &BlockViewProps) -> Html {
    match &props.block {
        Block::Paragraph(p) => html! {
            <p class="gir-p" id={p.id.clone()}>{ p.text.clone() }</p>
        },
        Block::Subsection(s) => html! {
            <p class="gir-p gir-p--sub" id={s.id.clone()}>
                <span class="gir-p__label">{ s.label.clone() }</span>
                <strong class="gir-p__lead">{ s.title.clone() }</strong>
                { s.text.clone() }
            </p>
        },
        Block::List(list) => html! {
            <ol class="gir-list" id={list.id.clone()}>
                { for list.items.iter().map(|item| html! {
                    <li class="gir-list__item" id={item.id.clone()}>
                        <span class="gir-list__label">{ item.label.clone() }</span>
                        { item.text.clone() }
                    </li>
                }) }
            </ol>
        },
    }
}
