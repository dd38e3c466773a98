//! Hiding controls, as the TensorFlow Playground's `<name>_hide=true` flags do: a table from
//! each hidable control's name to the elements that show it, the style sheet that hides the
//! ones in `config.hidden` (in every mode), and lecture mode's checklist to choose them.
use super::AppState;
use crate::core::config::{HiddenControls, HIDABLE_CONTROLS};
use leptos::prelude::*;

/// For each control name, the elements that show it: a `data-testid` (its label goes with
/// it), or a CSS selector when the entry starts with `.`. Names without an entry (such as
/// `collectStats`) have no control here.
const CONTROL_ELEMENTS: [(&str, &[&str]); 46] = [
    ("activation", &["activation"]),
    ("regularization", &["regularization"]),
    ("batchSize", &["batch-size"]),
    ("dataset", &[".datasets"]),
    ("regDataset", &[".datasets"]),
    ("learningRate", &["learning-rate"]),
    ("regularizationRate", &["regularization-rate"]),
    ("noise", &["noise"]),
    ("networkShape", &[".layers", "network-shape"]),
    ("seed", &["regenerate"]),
    ("showTestData", &["show-test"]),
    ("discretize", &["discretize"]),
    ("percTrainData", &["perc-train"]),
    ("x", &["x"]),
    ("y", &["y"]),
    ("xTimesY", &["xTimesY"]),
    ("xSquared", &["xSquared"]),
    ("ySquared", &["ySquared"]),
    ("cosX", &["cosX"]),
    ("sinX", &["sinX"]),
    ("cosY", &["cosY"]),
    ("sinY", &["sinY"]),
    ("problem", &["problem"]),
    ("initZero", &["init"]),
    ("playButton", &["play"]),
    ("stepButton", &["step"]),
    ("resetButton", &["reset"]),
    ("numHiddenLayers", &[".layer-buttons"]),
    ("model", &["model"]),
    ("curve", &[".curve-data"]),
    ("weights", &["weight-w1", "weight-w2", "weight-b"]),
    ("perceptronStep", &["perceptron-step"]),
    ("classes", &["classes"]),
    ("samples", &["samples"]),
    (
        "restart",
        &[
            "random-restarts",
            "restart-count",
            "restart-epochs",
            "restart-spread",
        ],
    ),
    ("standardize", &["standardize"]),
    ("init", &["init"]),
    ("lrSchedule", &["lr-schedule"]),
    ("lrDecay", &["lr-decay"]),
    ("optimizer", &["optimizer"]),
    ("dropout", &["dropout"]),
    ("earlyStopping", &["early-stopping"]),
    ("gradient", &["gradient"]),
    ("epsilon", &["epsilon"]),
    ("searchStep", &["search-step"]),
    ("speed", &["speed"]),
];

/// The CSS selectors of one table entry: the element, and the label that wraps it.
fn selectors(entry: &str) -> Vec<String> {
    if entry.starts_with('.') {
        return vec![entry.to_string()];
    }
    let id = format!("[data-testid=\"{entry}\"]");
    vec![
        id.clone(),
        format!(".field:has({id})"),
        format!(".check:has({id})"),
    ]
}

/// The style sheet that hides the `hidden` controls (empty when none is).
pub fn hidden_css(hidden: &HiddenControls) -> String {
    let list: Vec<String> = CONTROL_ELEMENTS
        .iter()
        .filter(|(name, _)| hidden.contains(name))
        .flat_map(|(_, entries)| entries.iter().flat_map(|e| selectors(e)))
        .collect();
    if list.is_empty() {
        return String::new();
    }
    format!("{} {{ display: none !important; }}", list.join(",\n"))
}

/// A `<style>` element that hides the controls the config hides.
#[component]
pub fn HiddenStyle() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! { <style>{move || state.config.with(|c| hidden_css(&c.hidden))}</style> }
}

/// Lecture mode's checklist: one box per control with something to hide; kept in the link.
#[component]
pub fn HidePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let names = HIDABLE_CONTROLS
        .iter()
        .copied()
        .filter(|n| CONTROL_ELEMENTS.iter().any(|(c, _)| c == n));
    view! {
        <details class="panel hide-panel" data-testid="hide-panel">
            <summary>"Hide controls (kept in the link)"</summary>
            <div class="hide-list">
                {names
                    .map(|name| {
                        let hidden = move || state.config.with(|c| c.hidden.contains(name));
                        let set = move |on: bool| {
                            state
                                .update_config(|c| {
                                    c.hidden.set(name, on);
                                })
                        };
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    data-testid=format!("hide-{name}")
                                    prop:checked=hidden
                                    on:change=move |ev| set(event_target_checked(&ev))
                                />
                                <span>{name}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_names_a_hidable_control_and_hidden_ones_are_styled() {
        for (name, entries) in CONTROL_ELEMENTS {
            assert!(HIDABLE_CONTROLS.contains(&name), "{name}");
            assert!(!entries.is_empty(), "{name}");
        }
        assert_eq!(hidden_css(&HiddenControls::default()), "");
        let mut hidden = HiddenControls::default();
        hidden.set("noise", true);
        hidden.set("playButton", true);
        let css = hidden_css(&hidden);
        assert!(css.contains(".field:has([data-testid=\"noise\"])"), "{css}");
        assert!(css.contains("[data-testid=\"play\"]"), "{css}");
        assert!(!css.contains("activation"), "{css}");
    }
}
