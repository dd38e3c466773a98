//! Epoch, point count, losses and accuracies, as text that tests can read.
use super::AppState;
use crate::app::ce_popover::CePopover;
use crate::core::config::Model;
use crate::core::number_text;
use leptos::html::Button;
use leptos::prelude::*;

/// A loss with three decimals (scientific past 10⁶), or a dash when there is none.
fn loss(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| number_text::fixed(v, 3))
}

/// A fraction as a percentage with one decimal, or a dash when there is none.
fn percent(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| number_text::percent(v, 1))
}

fn fixed(label: &'static str) -> Signal<&'static str> {
    Signal::stored(label)
}

/// The loss readout's label: named after the loss where a model has one loss.
fn loss_label(train: bool) -> Signal<&'static str> {
    let state = expect_context::<AppState>();
    Signal::derive(move || match (state.config.with(|c| c.model), train) {
        (Model::Logistic, true) => "Train cross-entropy",
        (Model::Logistic, false) => "Test cross-entropy",
        (Model::Line | Model::Adaline, true) => "MSE",
        (Model::Curve, true) => "Train MSE",
        (Model::Curve, false) => "Test MSE",
        (_, true) => "Train loss",
        (_, false) => "Test loss",
    })
}

/// The training loss readout's tooltip: what its number is.
const TRAIN_MEAN: &str = "Mean over the training points (the data loss); with regularization on, training adds the penalty shown beside it";

/// The penalty λ·R(W) that training adds to the training loss, beside its number
/// ("+ L2 penalty 0.031"), while regularization is on with a rate above 0.
#[component]
fn Penalty() -> impl IntoView {
    let state = expect_context::<AppState>();
    let snap = state.snapshot;
    let text = Memo::new(move |_| {
        let penalty = snap.with(|s| s.metrics.penalty)?;
        Some(state.config.with(|c| c.regularization.readout(penalty)))
    });
    // With a penalty on: how many weights sit at exactly 0 (L1 leaves them there; L2 only
    // shrinks them).
    let zeros = Memo::new(move |_| {
        text.with(Option::is_some).then(|| {
            let (zero, all) = snap.with(|s| s.net.zero_weights());
            format!("{zero} of {all} weights at 0")
        })
    });
    view! {
        <Show when=move || text.with(Option::is_some)>
            <span class="readout-penalty" data-testid="train-penalty">
                {move || text.get().unwrap_or_default()}
            </span>
            <span class="readout-penalty" data-testid="zero-weights">
                {move || zeros.get().unwrap_or_default()}
            </span>
        </Show>
    }
}

/// The readouts row.
#[component]
pub fn Readouts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let snap = state.snapshot;
    let (train_label, test_label) = (loss_label(true), loss_label(false));
    let ce_open = RwSignal::new(false);
    let ce_button = NodeRef::<Button>::new();
    let item = |label: Signal<&'static str>, id: &'static str, text: Signal<String>| {
        view! {
            <div class="readout">
                <span class="readout-label">{move || label.get()}</span>
                <span class="readout-value" data-testid=id>
                    {move || text.get()}
                </span>
            </div>
        }
    };
    view! {
        <div class="readouts">
            {item(
                fixed("Epoch"),
                "epoch",
                Signal::derive(move || snap.with(|s| s.epoch.to_string())),
            )} // Digits mode's data are images: it counts them.
            {item(
                Signal::derive(move || {
                    snap.with(|s| {
                        if s.points.is_empty() && !s.has_plane() { "Digits" } else { "Points" }
                    })
                }),
                "point-count",
                Signal::derive(move || {
                    snap.with(|s| {
                        let n = if s.has_plane() {
                            s.points.len()
                        } else {
                            s.metrics.n_train + s.metrics.n_test
                        };
                        n.to_string()
                    })
                }),
            )} <div class="readout" title=TRAIN_MEAN>
                <span class="readout-label">
                    {move || train_label.get()} <CeOpener open=ce_open button=ce_button />
                </span>
                <span class="readout-value" data-testid="train-loss">
                    {move || snap.with(|s| loss(s.metrics.train_loss))}
                </span>
                <Penalty />
            // Line mode has no test points; neither line nor curve mode has classes.
            </div> <Show when=move || { state.config.with(|c| c.model != Model::Line) }>
                <div class="readout" title="Mean over the test points">
                    <span class="readout-label">{move || test_label.get()}</span>
                    <span class="readout-value" data-testid="test-loss">
                        {move || snap.with(|s| loss(s.metrics.test_loss))}
                    </span>
                </div>
            </Show>
            <Show when=move || {
                state.config.with(|c| !c.model.fits_xy())
            }>
                {item(
                    fixed("Train acc."),
                    "train-accuracy",
                    Signal::derive(move || snap.with(|s| percent(s.metrics.train_accuracy))),
                )}
                {item(
                    fixed("Test acc."),
                    "test-accuracy",
                    Signal::derive(move || snap.with(|s| percent(s.metrics.test_accuracy))),
                )}
            </Show> <Show when=move || ce_open.get() && ce_applies(state)>
                <CePopover open=ce_open opener=ce_button />
            </Show>
        </div>
    }
}

/// Whether the training loss is cross-entropy, so that Σ (the notes' sum by hand) applies: a
/// network's sigmoid or softmax output, not the Playground's tanh with its squared error.
fn ce_applies(state: AppState) -> bool {
    state
        .config
        .with(|c| matches!(c.model, Model::Mlp | Model::Logistic) && c.output().is_cross_entropy())
}

/// The "Σ" button beside a classifier's training loss label: opens the cross-entropy panel,
/// where the notes' sums are computed from typed probabilities and labels.
#[component]
fn CeOpener(
    /// Whether the panel is open.
    open: RwSignal<bool>,
    /// The button, for the popover to give the focus back to.
    button: NodeRef<Button>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || ce_applies(state)>
            <button
                type="button"
                class="ghost readout-ce"
                data-testid="ce-open"
                node_ref=button
                title="Cross-entropy by hand: the notes' sum over the points (the readout is the mean over the training points)"
                aria-label="Cross-entropy by hand"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Σ"
            </button>
        </Show>
    }
}
