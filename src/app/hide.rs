//! Hiding controls, as the TensorFlow Playground's `<name>_hide=true` flags do: a table from
//! each hidable control's link key to the elements that show it, and the style sheet that
//! hides the ones in `config.hidden` (in every mode), with a group's heading and an emptied
//! panel. Lecture mode's checklist to choose them is in [`panel`].
use super::AppState;
use crate::core::config::controls::Group;
use crate::core::config::HiddenControls;
use leptos::prelude::*;

mod panel;
pub use panel::HidePanel;

/// For each control's link key, the elements that show it: a `data-testid` (its label goes
/// with it), or a CSS selector when the entry starts with `.` or `[`. Everything a control
/// shows goes with it (the learning rate takes "Learning rate now" along).
const CONTROL_ELEMENTS: [(&str, &[&str]); 52] = [
    ("playButton", &["play"]),
    ("stepButton", &["step"]),
    ("resetButton", &["reset"]),
    ("speed", &[".speed"]),
    (
        "lessonPicker",
        &[".lesson-picker", ".lesson-panel:not(:has(.lesson-card))"],
    ),
    ("problem", &["problem"]),
    ("dataset", &[".datasets[data-problem=\"classification\"]"]),
    ("regDataset", &[".datasets[data-problem=\"regression\"]"]),
    ("curve", &[".curve-data", "curve-data-hint"]),
    ("classes", &["classes"]),
    ("noise", &["noise"]),
    ("percTrainData", &["perc-train"]),
    ("samples", &["samples"]),
    ("seed", &["regenerate"]),
    ("showTestData", &["show-test"]),
    ("discretize", &["discretize"]),
    ("boundaryLine", &["boundary-line"]),
    ("x", &["x"]),
    ("y", &["y"]),
    ("xSquared", &["xSquared"]),
    ("ySquared", &["ySquared"]),
    ("xTimesY", &["xTimesY"]),
    ("sinX", &["sinX"]),
    ("sinY", &["sinY"]),
    ("cosX", &["cosX"]),
    ("cosY", &["cosY"]),
    ("standardize", &["standardize"]),
    ("share", &[".share-panel"]),
    (
        "brushes",
        &[".brush-caption", ".brush", "clear", "undo", "redo"],
    ),
    ("model", &["model"]),
    ("numHiddenLayers", &[".layer-buttons"]),
    ("networkShape", &[".layers", "network-shape"]),
    ("activation", &["activation"]),
    ("init", &["init"]),
    ("initZero", &["init"]),
    (
        "learningRate",
        &["learning-rate", ".hint:has([data-testid=\"current-lr\"])"],
    ),
    ("lrSchedule", &["lr-schedule"]),
    ("lrDecay", &["lr-decay"]),
    ("batchSize", &["batch-size"]),
    ("optimizer", &["optimizer"]),
    ("dropout", &["dropout"]),
    ("regularization", &["regularization"]),
    ("regularizationRate", &["regularization-rate"]),
    ("earlyStopping", &["early-stopping"]),
    ("gradient", &["gradient"]),
    ("epsilon", &["epsilon"]),
    ("searchStep", &["search-step"]),
    ("gradientCheck", &[".grad-check"]),
    ("restart", &[".restarts-section"]),
    ("weights", &["weight-w1", "weight-w2", "weight-b"]),
    ("perceptronStep", &["perceptron-step"]),
    ("compare", &["compare"]),
];

/// The CSS selectors of one table entry: the element, and the label that wraps it.
fn selectors(entry: &str) -> Vec<String> {
    if entry.starts_with(['.', '[']) {
        return vec![entry.to_string()];
    }
    let id = format!("[data-testid=\"{entry}\"]");
    vec![
        id.clone(),
        format!(".field:has({id})"),
        format!(".check:has({id})"),
    ]
}

/// The selectors that go when every control of `group` is hidden: its heading, and the
/// panel it empties.
fn group_selectors(group: Group, hidden: &HiddenControls) -> Vec<String> {
    let all_hidden = |g: Group| g.controls().all(|c| hidden.contains(c.key));
    if !all_hidden(group) {
        return Vec::new();
    }
    let mut out = vec![format!("h2[data-group=\"{}\"]", group.id())];
    if group == Group::Features && all_hidden(Group::Data) {
        out.push(".data-panel".into());
    }
    out
}

/// The style sheet that hides the `hidden` controls (empty when none is).
pub fn hidden_css(hidden: &HiddenControls) -> String {
    let mut list: Vec<String> = CONTROL_ELEMENTS
        .iter()
        .filter(|(name, _)| hidden.contains(name))
        .flat_map(|(_, entries)| entries.iter().flat_map(|e| selectors(e)))
        .collect();
    list.extend(Group::ALL.iter().flat_map(|&g| group_selectors(g, hidden)));
    if list.is_empty() {
        return String::new();
    }
    format!("{} {{ display: none !important; }}", list.join(",\n"))
}

/// A `<style>` element that hides the controls the config hides.
#[component]
pub fn HiddenStyle() -> impl IntoView {
    let state = expect_context::<AppState>();
    let css = Memo::new(move |_| state.config.with(|c| hidden_css(&c.hidden)));
    view! { <style>{move || css.get()}</style> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::controls::CONTROLS;

    #[test]
    fn every_control_has_elements_and_hidden_ones_are_styled() {
        for (c, (key, entries)) in CONTROLS.iter().zip(CONTROL_ELEMENTS) {
            assert_eq!(c.key, key, "the same order as the core table");
            assert!(!entries.is_empty(), "{key}");
        }
        assert_eq!(hidden_css(&HiddenControls::default()), "");
        let mut hidden = HiddenControls::default();
        hidden.set("noise", true);
        hidden.set("playButton", true);
        hidden.set("regDataset", true);
        let css = hidden_css(&hidden);
        assert!(css.contains(".field:has([data-testid=\"noise\"])"), "{css}");
        assert!(css.contains("[data-testid=\"play\"]"), "{css}");
        assert!(!css.contains("activation"), "{css}");
        assert!(
            !css.contains("classification"),
            "regDataset leaves those: {css}"
        );
        assert!(!css.contains("h2"), "no group is empty: {css}");
    }

    #[test]
    fn a_group_all_hidden_loses_its_heading_and_the_learning_rate_its_readout() {
        let mut hidden = HiddenControls::default();
        hidden.set("learningRate", true);
        assert!(hidden_css(&hidden).contains("current-lr"));
        for c in Group::Training.controls() {
            hidden.set(c.key, true);
        }
        let css = hidden_css(&hidden);
        assert!(css.contains("h2[data-group=\"training\"]"), "{css}");
        assert!(!css.contains(".data-panel"), "{css}");
        for g in [Group::Data, Group::Features] {
            for c in g.controls() {
                hidden.set(c.key, true);
            }
        }
        assert!(hidden_css(&hidden).contains(".data-panel"));
    }
}
