//! The network diagram: weights as lines (colour: sign, width: size), units as circles
//! (colour: bias). Hovering shows a value; clicking selects it for editing below.
use super::AppState;
use crate::render::diagram::layout;
use leptos::prelude::*;

/// The diagram is drawn this much larger than its layout, to read from the back of a room.
const SCALE: f64 = 1.5;

/// What the editor is editing: a parameter index and a description.
#[derive(Clone, Debug, PartialEq)]
struct Selected {
    param: usize,
    what: String,
}

/// The diagram panel (MLP mode).
#[component]
pub fn DiagramPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let selected = RwSignal::new(None::<Selected>);
    let diagram = Memo::new(move |_| state.snapshot.with(|s| layout(&s.net)));
    let value_of = move |param: usize| state.snapshot.with(|s| s.net.params.get(param).copied());
    let edit = move |ev: leptos::ev::Event| {
        let Some(sel) = selected.get_untracked() else {
            return;
        };
        let text = event_target_value(&ev);
        match crate::core::config::typed_number(
            "Weight",
            &text,
            crate::core::config::limits::WEIGHT,
        ) {
            (Some(v), message) => {
                state.trainer.update_value(|t| {
                    t.set_param(sel.param, v);
                });
                state.publish();
                if let Some(m) = message {
                    state.say(m);
                }
            }
            (None, message) => state.say(message.unwrap_or_default()),
        }
    };
    view! {
        <div class="diagram-panel">
            <h2>"Network"</h2>
            <svg
                class="diagram"
                data-testid="diagram"
                role="img"
                aria-label="The network: weights as lines, blue positive, orange negative, thicker when larger"
                width=move || diagram.with(|d| d.width * SCALE)
                height=move || diagram.with(|d| d.height * SCALE)
                viewBox=move || diagram.with(|d| format!("0 0 {} {}", d.width, d.height))
            >
                <For each=move || diagram.get().links key=|l| (l.param, l.color.clone(), (l.width * 100.0) as i64) let:link>
                    <line
                        class="link"
                        data-testid=format!("link-{}", link.param)
                        x1=link.from.0
                        y1=link.from.1
                        x2=link.to.0
                        y2=link.to.1
                        stroke=link.color.clone()
                        stroke-width=link.width
                        on:click=move |_| selected.set(Some(Selected { param: link.param, what: "weight".into() }))
                    >
                        <title>{format!("weight {:.3}", link.weight)}</title>
                    </line>
                </For>
                <For each=move || diagram.get().nodes key=|n| (n.layer, n.index, n.fill.clone()) let:node>
                    <circle
                        class="unit"
                        data-testid=format!("unit-{}-{}", node.layer, node.index)
                        cx=node.x
                        cy=node.y
                        r=9
                        fill=node.fill.clone()
                        on:click=move |_| {
                            if let Some((param, _)) = node.bias {
                                selected.set(Some(Selected { param, what: "bias".into() }));
                            }
                        }
                    >
                        <title>{node.bias.map_or("input".to_string(), |(_, b)| format!("bias {b:.3}"))}</title>
                    </circle>
                </For>
            </svg>
            <Show when=move || selected.with(Option::is_some)>
                <label class="field">
                    <span class="field-label">
                        {move || selected.with(|s| s.as_ref().map_or(String::new(), |s| format!("Edit this {}:", s.what)))}
                    </span>
                    <input
                        type="text"
                        inputmode="decimal"
                        data-testid="param-editor"
                        prop:value=move || {
                            selected.with(|s| s.as_ref().and_then(|s| value_of(s.param))).map_or(String::new(), |v| format!("{v:.4}"))
                        }
                        on:change=edit
                    />
                </label>
            </Show>
        </div>
    }
}
