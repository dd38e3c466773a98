//! Cross-entropy by hand, as the notes compute it: the student types probabilities and labels
//! and reads the sum −Σ [y ln p + (1 − y) ln(1 − p)] with each term (`core::cross_entropy`).
//! In the softmax lesson's card, and opened from the training loss readout.
use crate::core::cross_entropy::{from_text, short, Sum, Term};
use crate::core::number_text::fixed;
use leptos::prelude::*;

/// The notes' probabilities: gifts in three boxes.
const NOTES_P: &str = "0.8, 0.7, 0.1";

/// The panel: two fields, the terms and their sum (or what is wrong with the fields).
#[component]
pub fn CrossEntropyPanel(
    /// Where the panel is ("lesson" or "readout"), for its `data-testid` (`ce-panel-<place>`).
    place: &'static str,
) -> impl IntoView {
    let (probabilities, set_probabilities) = signal(NOTES_P.to_string());
    let (labels, set_labels) = signal("1, 1, 0".to_string());
    let result = Memo::new(move |_| from_text(&probabilities.get(), &labels.get()));
    let example = move |ys: &'static str| {
        set_probabilities.set(NOTES_P.to_string());
        set_labels.set(ys.to_string());
    };
    view! {
        <div class="ce-panel" data-testid=format!("ce-panel-{place}")>
            <p class="hint">
                "CE = −Σ [y ln p + (1 − y) ln(1 − p)]: a sum over the points, as the notes write it. p is the probability of class 1, y the label (1 or 0)."
            </p>
            <ListField
                label="Probabilities p"
                testid="ce-probabilities"
                value=probabilities
                set_value=set_probabilities
            />
            <ListField label="Labels y" testid="ce-labels" value=labels set_value=set_labels />
            <div class="ce-examples">
                <button
                    type="button"
                    data-testid="ce-example-1"
                    on:click=move |_| example("1, 1, 0")
                >
                    "Notes: y = 1, 1, 0"
                </button>
                <button
                    type="button"
                    data-testid="ce-example-2"
                    on:click=move |_| example("0, 0, 1")
                >
                    "Notes: y = 0, 0, 1"
                </button>
            </div>
            <pre class="arithmetic" data-testid="ce-terms">
                {move || result.with(|r| r.as_ref().map(terms_text).unwrap_or_default())}
            </pre>
            <p class="ce-sum" data-testid="ce-sum">
                {move || result.with(|r| r.as_ref().map(sum_text).unwrap_or_default())}
            </p>
            <p class="field-note" data-testid="ce-message" role="status">
                {move || result.with(|r| r.as_ref().err().cloned().unwrap_or_default())}
            </p>
        </div>
    }
}

/// One of the panel's two fields: a list of numbers, read as the student types.
#[component]
fn ListField(
    /// The field's label.
    label: &'static str,
    /// The input's `data-testid`.
    testid: &'static str,
    /// The text in the field.
    value: ReadSignal<String>,
    /// Takes the text as it is typed.
    set_value: WriteSignal<String>,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <input
                type="text"
                inputmode="decimal"
                data-testid=testid
                prop:value=move || value.get()
                on:input=move |ev| set_value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// One line per term: `y = 1, p = 0.8:  −ln 0.8 = 0.223`.
fn terms_text(sum: &Sum) -> String {
    sum.terms
        .iter()
        .map(|t: &Term| format!("y = {}, p = {}:  {}", t.y, short(t.p), t.formula()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The sum with two decimals as the notes give it, then three, and the mean the readouts show.
fn sum_text(sum: &Sum) -> String {
    let n = sum.terms.len();
    let clamped = if sum.clamped {
        " (p = 0 or 1 is kept 10⁻¹⁵ away: ln 0 is −∞)"
    } else {
        ""
    };
    format!(
        "CE = {} (sum {}); the readouts' mean over {n} point{}: {}{clamped}",
        fixed(sum.sum, 2),
        fixed(sum.sum, 3),
        if n == 1 { "" } else { "s" },
        fixed(sum.mean(), 3),
    )
}
