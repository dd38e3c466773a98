//! One small map per hidden neuron, layer by layer: what each unit responds to over the plot.
//! Hovering over a map enlarges it.
use super::help_tip::HelpTip;
use super::sized::watch_visible;
use super::AppState;
use crate::core::config::Model;
use crate::core::help::HelpTopic;
use crate::core::snapshot::ModelView;
use crate::render::canvas::put_rgba;
use crate::render::frame::Frame;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;

/// The panel of neuron maps (hidden when the network has no hidden layer).
#[component]
pub fn NeuronsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let frame = StoredValue::new(Frame::default());
    // The maps are computed and drawn only while the panel is on screen.
    let panel = NodeRef::<Div>::new();
    let version = maps_version(state, frame, watch_visible(panel));
    // Memos: the panel's markup follows the hidden layers' sizes, not every frame.
    let shape = Memo::new(move |_| {
        state
            .snapshot
            .with(|s| s.net.sizes()[1..s.net.sizes().len() - 1].to_vec())
    });
    let model = Memo::new(move |_| state.snapshot.with(|s| s.model.model()));
    let is_curve = move || model.get() == Model::Curve;
    let is_perceptron = move || model.get().is_linear_unit();
    let layers = move || {
        let mut start = 0;
        shape
            .get()
            .into_iter()
            .enumerate()
            .map(|(l, n)| {
                let first = start;
                start += n;
                (l, first, n)
            })
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=move || !is_perceptron() && shape.with(|s| !s.is_empty())>
            // How many rows and columns of maps there are: the presenter layout sizes the
            // maps to fill the room beside the plot (style/stage.css).
            <div
                class="neurons-panel"
                node_ref=panel
                style=move || {
                    shape
                        .with(|s| {
                            let most = s.iter().copied().max().unwrap_or(1);
                            format!("--layers: {}; --most: {most}", s.len().max(1))
                        })
                }
            >
                <h2>
                    {move || {
                        if is_curve() {
                            "Each hidden neuron's output against x"
                        } else {
                            "What each hidden neuron detects"
                        }
                    }}
                    {move || {
                        let topic = if is_curve() {
                            HelpTopic::CurveNeuronMaps
                        } else {
                            HelpTopic::NeuronMaps
                        };
                        view! { <HelpTip topic=topic /> }
                    }}
                </h2>
                <div class="neuron-layers">
                    <For each=layers key=|layer| *layer let:layer>
                        <div
                            class="neuron-layer"
                            aria-label=format!("Hidden layer {}", layer.0 + 1)
                        >
                            <span class="neuron-layer-label">
                                {format!("layer {}", layer.0 + 1)}
                            </span>
                            {(0..layer.2)
                                .map(|j| {
                                    view! {
                                        <NeuronMap
                                            frame
                                            version
                                            unit=layer.1 + j
                                            testid=format!("neuron-{}-{j}", layer.0)
                                        />
                                    }
                                })
                                .collect_view()}
                        </div>
                    </For>
                </div>
            </div>
        </Show>
    }
}

/// The neuron maps of the current snapshot, computed into `frame` while the panel is
/// `visible` (not at all while it is off screen, nor in perceptron mode, which has no panel):
/// how many times they were computed, which the maps' canvases follow.
fn maps_version(
    state: AppState,
    frame: StoredValue<Frame>,
    visible: ReadSignal<bool>,
) -> Memo<u64> {
    Memo::new(move |last: Option<&u64>| {
        let last = last.copied().unwrap_or(0);
        if !visible.get() {
            return last;
        }
        state.snapshot.with(|snap| match snap.model {
            ModelView::Perceptron(_) | ModelView::Adaline(_) | ModelView::Digits(_) => last,
            ModelView::Mlp | ModelView::Logistic | ModelView::Line(_) | ModelView::Curve(_) => {
                frame.update_value(|f| f.compute_neurons(snap));
                last + 1
            }
        })
    })
}

/// One neuron's map, redrawn when the maps change.
#[component]
fn NeuronMap(
    /// The frame holding every neuron's pixels.
    frame: StoredValue<Frame>,
    /// Grows when the frame's maps were recomputed.
    version: Memo<u64>,
    /// The neuron's index among all hidden units.
    unit: usize,
    /// The canvas's `data-testid`.
    testid: String,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        // Read, not only tracked: reading the memo is what computes the maps when they are
        // out of date (a memo nobody reads is never computed).
        let _computed = version.get();
        let Some(el) = canvas.get() else { return };
        frame.with_value(|f| {
            if let Some(px) = f.neurons.get(unit) {
                let _ = put_rgba(&el, px, f.neuron_res);
            }
        });
    });
    view! { <canvas class="neuron" node_ref=canvas data-testid=testid tabindex="0"></canvas> }
}
