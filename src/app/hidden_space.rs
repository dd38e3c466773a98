//! The hidden-space view: every point mapped through a chosen hidden layer, two units at a
//! time. In the last hidden layer with two units, the output is one straight line there: the
//! classes have become linearly separable.
use super::sized::watch_canvas;
use super::AppState;
use crate::render::canvas::draw_hidden_space;
use leptos::html::Canvas;
use leptos::prelude::*;

/// The panel (MLP mode with at least one hidden layer).
#[component]
pub fn HiddenSpacePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let canvas = NodeRef::<Canvas>::new();
    let watch = watch_canvas(canvas);
    let (layer, set_layer) = signal(usize::MAX); // MAX: the last hidden layer
    let (units, set_units) = signal((0usize, 1usize));
    // A memo: the selects' options follow the hidden layers' sizes, not every frame.
    let hidden = Memo::new(move |_| {
        state
            .snapshot
            .with(|s| s.net.sizes()[1..s.net.sizes().len() - 1].to_vec())
    });
    let hidden = move || hidden.get();
    let chosen = move || {
        let h = hidden();
        h.len().checked_sub(1).map(|last| layer.get().min(last))
    };
    let separation = RwSignal::new(String::new());
    Effect::new(move |_| {
        let (Some(el), Some(l)) = (watch.canvas(), chosen()) else {
            return;
        };
        let (u, v) = units.get();
        let width = hidden()[l];
        let (u, v) = (u.min(width - 1), v.min(width - 1));
        state.snapshot.with(|snap| {
            let mut net = snap.net.clone();
            let points = snap.hidden_space(&mut net, l, u, v);
            let out = net.layers().len() - 1;
            // The output unit's line, when this is the last hidden layer and it has two units.
            let line =
                (l + 1 == out && width == 2 && net.output().units() == 1 && u != v).then(|| {
                    [
                        net.weight(out, 0, u),
                        net.weight(out, 0, v),
                        net.bias(out, 0),
                    ]
                });
            separation.set(match line {
                Some([a, b, c]) => {
                    let train: Vec<_> = points.iter().filter(|p| !p.is_test).collect();
                    let right = train
                        .iter()
                        .filter(|p| (a * p.u + b * p.v + c >= 0.0) == (p.label == 1.0))
                        .count();
                    format!(
                        "The output's line separates {:.0}% of the training points here.",
                        100.0 * right as f64 / train.len().max(1) as f64
                    )
                }
                None => String::new(),
            });
            if let Err(e) = draw_hidden_space(&el, &points, line) {
                state.say(format!("Could not draw the hidden space: {e:?}"));
            }
        });
    });
    let unit_select = move |which: usize, testid: &'static str| {
        view! {
            <select
                data-testid=testid
                aria-label=if which == 0 { "Horizontal axis: unit" } else { "Vertical axis: unit" }
                on:change=move |ev| {
                    if let Ok(k) = event_target_value(&ev).parse::<usize>() {
                        set_units.update(|p| if which == 0 { p.0 = k } else { p.1 = k });
                    }
                }
            >
                {move || {
                    let width = chosen().map_or(0, |l| hidden()[l]);
                    let current = units.with(|p| if which == 0 { p.0 } else { p.1 });
                    (0..width)
                        .map(|k| view! { <option value=k.to_string() selected=current == k>{format!("unit {}", k + 1)}</option> })
                        .collect_view()
                }}
            </select>
        }
    };
    view! {
        <Show when=move || !hidden().is_empty()>
            <div class="hidden-space-panel">
                <h2>"The data inside a hidden layer"</h2>
                <div class="hidden-controls">
                    <select
                        data-testid="hidden-layer"
                        aria-label="Hidden layer"
                        on:change=move |ev| set_layer.set(event_target_value(&ev).parse().unwrap_or(usize::MAX))
                    >
                        {move || {
                            let current = chosen().unwrap_or(0);
                            (0..hidden().len())
                                .map(|l| view! { <option value=l.to_string() selected=current == l>{format!("layer {}", l + 1)}</option> })
                                .collect_view()
                        }}
                    </select>
                    {unit_select(0, "hidden-u")}
                    {unit_select(1, "hidden-v")}
                </div>
                <canvas class="hidden-space" node_ref=canvas data-testid="hidden-space" aria-label="Points mapped through the chosen hidden layer"></canvas>
                <p class="hint" data-testid="hidden-separation">{move || separation.get()}</p>
            </div>
        </Show>
    }
}
