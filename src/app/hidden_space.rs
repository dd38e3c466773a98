//! The hidden-space view: every point mapped through a chosen hidden layer, two units at a
//! time. In the last hidden layer with two units, the output is one straight line there: the
//! classes have become linearly separable.
use super::help_tip::HelpTip;
use super::sized::{watch_canvas, CanvasWatch};
use super::AppState;
use crate::core::help::HelpTopic;
use crate::core::hidden_space::HiddenSpace;
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
    let chosen = Signal::derive(move || {
        let last = hidden.with(|h| h.len().checked_sub(1));
        last.map(|last| layer.get().min(last))
    });
    let space = hidden_space(state, watch, chosen, units);
    draw(state, watch, space);
    let width = Signal::derive(move || chosen.get().map_or(0, |l| hidden.with(|h| h[l])));
    view! {
        <Show when=move || hidden.with(|h| !h.is_empty())>
            <div class="hidden-space-panel">
                <h2>"The data inside a hidden layer" <HelpTip topic=HelpTopic::HiddenSpace /></h2>
                <div class="hidden-controls">
                    <LayerSelect
                        layers=Signal::derive(move || hidden.with(Vec::len))
                        chosen
                        set_layer
                    />
                    <UnitSelect axis=0 width units set_units />
                    <UnitSelect axis=1 width units set_units />
                </div>
                <div class="view-box">
                    <canvas
                        class="hidden-space"
                        node_ref=canvas
                        data-testid="hidden-space"
                        aria-label="Points mapped through the chosen hidden layer"
                    ></canvas>
                </div>
                <p class="hint" data-testid="hidden-separation">
                    {move || space.with(HiddenSpace::note)}
                </p>
            </div>
        </Show>
    }
}

/// The points through the `chosen` layer's `units`, and the output's line there: computed
/// while the canvas is on screen, and kept as they were while it is off screen (the canvas
/// still shows them), so no frame maps the points for a view nobody sees.
fn hidden_space(
    state: AppState,
    watch: CanvasWatch,
    chosen: Signal<Option<usize>>,
    units: ReadSignal<(usize, usize)>,
) -> Memo<HiddenSpace> {
    Memo::new(move |last: Option<&HiddenSpace>| {
        if !watch.visible.get() {
            return last.cloned().unwrap_or_default();
        }
        match chosen.get() {
            Some(l) => state.snapshot.with(|s| HiddenSpace::of(s, l, units.get())),
            None => HiddenSpace::default(),
        }
    })
}

/// Draws `space` on the watched canvas whenever it, or the canvas's size, changes.
fn draw(state: AppState, watch: CanvasWatch, space: Memo<HiddenSpace>) {
    Effect::new(move |_| {
        let Some(el) = watch.canvas() else {
            return;
        };
        let drawn = space.with(|s| draw_hidden_space(&el, &s.points, s.line));
        if let Err(e) = drawn {
            state.say(format!("Could not draw the hidden space: {e:?}"));
        }
    });
}

/// The choice of hidden layer.
#[component]
fn LayerSelect(
    /// How many hidden layers there are.
    layers: Signal<usize>,
    /// The layer shown (0 = first), `None` without hidden layers.
    chosen: Signal<Option<usize>>,
    /// Chooses a layer (`usize::MAX`: the last).
    set_layer: WriteSignal<usize>,
) -> impl IntoView {
    view! {
        <select
            data-testid="hidden-layer"
            aria-label="Hidden layer"
            on:change=move |ev| set_layer.set(event_target_value(&ev).parse().unwrap_or(usize::MAX))
        >
            {move || {
                let current = chosen.get().unwrap_or(0);
                (0..layers.get())
                    .map(|l| {
                        view! {
                            <option value=l.to_string() selected=current == l>
                                {format!("layer {}", l + 1)}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
    }
}

/// The choice of unit on one axis.
#[component]
fn UnitSelect(
    /// 0 for the horizontal axis, 1 for the vertical.
    axis: usize,
    /// Units in the chosen layer.
    width: Signal<usize>,
    /// The units on the two axes.
    units: ReadSignal<(usize, usize)>,
    /// Sets them.
    set_units: WriteSignal<(usize, usize)>,
) -> impl IntoView {
    let (label, testid) = if axis == 0 {
        ("Horizontal axis: unit", "hidden-u")
    } else {
        ("Vertical axis: unit", "hidden-v")
    };
    view! {
        <select
            data-testid=testid
            aria-label=label
            on:change=move |ev| {
                if let Ok(k) = event_target_value(&ev).parse::<usize>() {
                    set_units.update(|p| if axis == 0 { p.0 = k } else { p.1 = k });
                }
            }
        >
            {move || {
                let current = units.with(|p| if axis == 0 { p.0 } else { p.1 });
                (0..width.get())
                    .map(|k| {
                        view! {
                            <option value=k.to_string() selected=current == k>
                                {format!("unit {}", k + 1)}
                            </option>
                        }
                    })
                    .collect_view()
            }}
        </select>
    }
}
