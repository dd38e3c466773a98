//! The perceptron's and Adaline's view beside the plot in the presenter layout: the weights,
//! the counts and the last step's arithmetic as the notes write it (the drawer's model panel
//! has the same, with the controls). The presenter PNG export writes the same lines.
use crate::app::AppState;
use crate::core::adaline::short;
use crate::core::number_text;
use crate::core::snapshot::ModelView;
use leptos::prelude::*;

/// What the view says: a title, the readouts (label, value) and the arithmetic's lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Worked {
    pub title: &'static str,
    pub readouts: Vec<(&'static str, String)>,
    pub lines: Vec<String>,
}

/// The worked step of `model`'s last update; `None` for models without one.
pub fn worked(model: &ModelView) -> Option<Worked> {
    match model {
        ModelView::Perceptron(v) => Some(Worked {
            title: "The perceptron trick",
            readouts: vec![
                ("w₁ w₂ b", v.shown.join(" ")),
                ("Misclassified", v.misclassified.len().to_string()),
                ("Updates", v.updates.to_string()),
            ],
            lines: v.last.as_ref().map_or_else(
                || {
                    vec![
                        "Press Step: the trick moves the line towards a misclassified point."
                            .into(),
                    ]
                },
                |s| s.table(),
            ),
        }),
        ModelView::Adaline(v) => Some(Worked {
            title: "Adaline's update",
            readouts: vec![
                ("w₁ w₂ b", v.weights.map(short).join(" ")),
                ("Misclassified", v.misclassified.len().to_string()),
                (
                    "MSE",
                    v.mse.map_or("—".into(), |m| number_text::fixed(m, 3)),
                ),
            ],
            lines: v.last.as_ref().map_or_else(
                || vec!["Press Step: one epoch moves w down the gradient of the MSE.".into()],
                |s| s.table().to_vec(),
            ),
        }),
        _ => None,
    }
}

/// The view: rebuilt only when what it says changes.
#[component]
pub fn ArithmeticPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = Memo::new(move |_| state.snapshot.with(|s| worked(&s.model)));
    let title = move || shown.with(|w| w.as_ref().map_or("", |w| w.title));
    let readouts = move || shown.with(|w| w.as_ref().map_or(Vec::new(), |w| w.readouts.clone()));
    let lines = move || shown.with(|w| w.as_ref().map_or(String::new(), |w| w.lines.join("\n")));
    view! {
        <div class="arithmetic-panel" data-testid="stage-arithmetic-panel">
            <h2>{title}</h2>
            <div class="perceptron-readouts">
                {move || {
                    readouts()
                        .into_iter()
                        .map(|(label, value)| {
                            view! {
                                <div class="readout">
                                    <span class="readout-label">{label}</span>
                                    <span class="readout-value">{value}</span>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <pre
                class="arithmetic"
                data-testid="stage-arithmetic"
                aria-label="The last step's arithmetic"
            >
                {lines}
            </pre>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::{ExperimentConfig, Model};
    use crate::core::trainer::Trainer;

    fn trained(model: Model) -> Worked {
        let cfg = ExperimentConfig {
            model,
            ..ExperimentConfig::default()
        };
        let mut t = Trainer::new(cfg);
        let before = worked(&t.snapshot().model).expect("a worked view");
        assert!(before.lines[0].starts_with("Press Step"), "{before:?}");
        t.step(3);
        worked(&t.snapshot().model).expect("a worked view")
    }

    #[test]
    fn the_perceptron_and_adaline_show_their_last_step() {
        let p = trained(Model::Perceptron);
        assert_eq!(p.readouts.len(), 3);
        assert!(!p.lines[0].starts_with("Press Step"), "{p:?}");
        let a = trained(Model::Adaline);
        assert_eq!(a.lines[0], "w ← w − η·∇MSE");
        assert_eq!(a.readouts[2].0, "MSE");
        assert_eq!(worked(&ModelView::Mlp), None);
    }
}
