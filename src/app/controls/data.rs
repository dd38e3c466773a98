//! Data: problem, data set, noise, split, samples, seed, view options and input features.
use crate::app::fields::{CheckField, RangeField, SelectField};
use crate::app::AppState;
use crate::core::config::limits;
use crate::core::dataset::{DatasetKind, Problem};
use crate::core::features::Feature;
use crate::core::rng::mix;
use leptos::prelude::*;

/// The data panel.
#[component]
pub fn DataPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let problem = move || cfg.with(|c| c.problem);
    let sets = move || match problem() {
        Problem::Classification => DatasetKind::CLASSIFICATION.to_vec(),
        Problem::Regression => DatasetKind::REGRESSION.to_vec(),
    };
    let choose = move |kind: DatasetKind| {
        state.update_config(|c| {
            match kind.problem() {
                Problem::Classification => c.dataset = kind,
                Problem::Regression => c.reg_dataset = kind,
            }
            c.points = None;
        })
    };
    view! {
        <h2>"Data"</h2>
        <SelectField
            label="Problem"
            testid="problem"
            options=vec![("classification", "Classification"), ("regression", "Regression")]
            value=Signal::derive(move || problem().name().to_string())
            on_change=Callback::new(move |v: String| {
                if let Some(p) = Problem::from_name(&v) {
                    state.update_config(|c| {
                        c.problem = p;
                        c.points = None;
                    });
                }
            })
        />
        <div class="datasets" role="group" aria-label="Data set">
            <For each=sets key=|k| *k let:kind>
                <button
                    class="dataset"
                    class:active=move || cfg.with(|c| c.points.is_none() && c.active_dataset() == kind)
                    data-testid=format!("dataset-{}", kind.name())
                    on:click=move |_| choose(kind)
                >
                    {kind.label()}
                </button>
            </For>
        </div>
        <Show when=move || cfg.with(|c| c.points.is_some())>
            <p class="hint">"Your own points. Pick a data set above to go back to generated data."</p>
        </Show>
        <Show when=move || state.stashed_points.with(Option::is_some)>
            <button class="wide" data-testid="restore-points" on:click=move |_| state.restore_points()>
                {move || {
                    let n = state.stashed_points.with(|p| p.as_ref().map_or(0, Vec::len));
                    format!("Back to my points ({n})")
                }}
            </button>
        </Show>
        <Show when=move || cfg.with(|c| c.problem == Problem::Classification && c.dataset == DatasetKind::Blobs)>
            <RangeField
                label="Classes"
                min=2.0
                max=6.0
                step=1.0
                value=Signal::derive(move || cfg.with(|c| c.classes as f64))
                format=|v| format!("{v}")
                on_change=Callback::new(move |v: f64| state.update_config(|c| c.classes = v as usize))
                testid="classes"
            />
        </Show>
        <RangeField
            label="Noise"
            min=f64::from(limits::NOISE.0)
            max=f64::from(limits::NOISE.1)
            step=1.0
            value=Signal::derive(move || cfg.with(|c| f64::from(c.noise)))
            format=|v| format!("{v}%")
            on_change=Callback::new(move |v: f64| state.update_config(|c| c.noise = v as u32))
            testid="noise"
        />
        <RangeField
            label="Training data"
            min=f64::from(limits::PERC_TRAIN.0)
            max=f64::from(limits::PERC_TRAIN.1)
            step=5.0
            value=Signal::derive(move || cfg.with(|c| f64::from(c.perc_train)))
            format=|v| format!("{v}%")
            on_change=Callback::new(move |v: f64| state.update_config(|c| c.perc_train = v as u32))
            testid="perc-train"
        />
        <RangeField
            label="Points generated"
            min=50.0
            max=1000.0
            step=50.0
            value=Signal::derive(move || cfg.with(|c| c.samples as f64))
            format=|v| format!("{v}")
            on_change=Callback::new(move |v: f64| state.update_config(|c| c.samples = v as usize))
            testid="samples"
        />
        <button
            class="wide"
            data-testid="regenerate"
            on:click=move |_| state.update_config(|c| {
                c.seed = mix(c.seed, 0x5eed) % 1_000_000;
                c.points = None;
            })
        >
            {move || format!("New data (seed {})", cfg.with(|c| c.seed))}
        </button>
        <CheckField
            label="Show test data"
            checked=Signal::derive(move || cfg.with(|c| c.show_test_data))
            on_change=Callback::new(move |v| state.update_config(|c| c.show_test_data = v))
            testid="show-test"
        />
        <CheckField
            label="Discretize output"
            checked=Signal::derive(move || cfg.with(|c| c.discretize))
            on_change=Callback::new(move |v| state.update_config(|c| c.discretize = v))
            testid="discretize"
        />
        <h2>"Features"</h2>
        <div class="features" role="group" aria-label="Input features">
            {Feature::ALL
                .into_iter()
                .map(|f| {
                    view! {
                        <CheckField
                            label=f.label()
                            checked=Signal::derive(move || cfg.with(|c| c.features.contains(f)))
                            on_change=Callback::new(move |on| state.update_config(|c| {
                                let next = c.features.with(f, on);
                                if next.is_empty() {
                                    state.say("The network needs at least one input feature.");
                                    state.config.update(|_| {}); // redraw the box as still checked
                                } else {
                                    c.features = next;
                                }
                            }))
                            testid=f.key()
                        />
                    }
                })
                .collect_view()}
        </div>
        <CheckField
            label="Standardize inputs"
            checked=Signal::derive(move || cfg.with(|c| c.standardize))
            on_change=Callback::new(move |v| state.update_config(|c| c.standardize = v))
            testid="standardize"
        />
    }
}
