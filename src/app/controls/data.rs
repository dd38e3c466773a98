//! Data: problem, data set, noise, split, samples, seed, view options and input features.
//! Only the controls the chosen model uses are shown ([`DataControls`]).
use super::inputs::InputsSection;
use crate::app::fields::{CheckField, RangeField, SelectField};
use crate::app::AppState;
use crate::core::config::{limits, Model};
use crate::core::dataset::{DatasetKind, Problem, LINE_TRUTH};
use crate::core::rng::mix;
use leptos::prelude::*;

/// Which of the data panel's controls a model uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DataControls {
    /// The problem choice: only the neural network does regression.
    pub problem: bool,
    /// The generated data sets (line mode has its own points around a line).
    pub datasets: bool,
    /// The training share and the test points.
    pub split: bool,
    /// The network's inputs: features, standardization and the discretized output.
    pub inputs: bool,
}

impl DataControls {
    /// The controls `model` uses.
    pub fn of(model: Model) -> Self {
        let all = DataControls {
            problem: true,
            datasets: true,
            split: true,
            inputs: true,
        };
        match model {
            Model::Mlp => all,
            // One sigmoid neuron separates classes.
            Model::Logistic => DataControls {
                problem: false,
                ..all
            },
            // The trick and Adaline use every point, on x₁ and x₂ as they are.
            Model::Perceptron | Model::Adaline => DataControls {
                problem: false,
                datasets: true,
                split: false,
                inputs: false,
            },
            // y = m·x + c on (x, y) points, every one of them training the line.
            Model::Line => DataControls {
                problem: false,
                datasets: false,
                split: false,
                inputs: false,
            },
            // y = f(x) on (x, y) points around a curve of their own; the network's inputs
            // are features of x, and test points show overfitting.
            Model::Curve => DataControls {
                problem: false,
                datasets: false,
                ..all
            },
            // The digit images: only their split; the network's inputs are the pixels.
            Model::Digits => DataControls {
                problem: false,
                datasets: false,
                split: true,
                inputs: false,
            },
        }
    }
}

/// The data panel.
#[component]
pub fn DataPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let shows = Memo::new(move |_| cfg.with(|c| DataControls::of(c.model)));
    let is_line = move || cfg.with(|c| c.model == Model::Line);
    let is_curve = move || cfg.with(|c| c.model == Model::Curve);
    let is_digits = move || cfg.with(|c| c.model == Model::Digits);
    view! {
        <h2 data-group="data">"Data"</h2>
        <Show when=move || shows.get().problem>
            <ProblemChoice />
        </Show>
        <Show when=move || shows.get().datasets>
            <DataSets />
        </Show>
        <Show when=is_line>
            <LineData />
        </Show>
        <Show when=is_curve>
            <super::curve::CurveData />
        </Show>
        <Show when=is_digits>
            <p class="hint" data-testid="digits-data">
                "1,797 handwritten digits, 8 × 8 pixels of ink 0–16 (UCI, via scikit-learn). The seed draws which are test digits."
            </p>
        </Show>
        <Show when=move || !is_digits()>
            <OwnPoints />
        </Show>
        <Show when=move || shows.get().datasets>
            <ClassesField />
        </Show>
        <Show when=move || !is_digits()>
            <NoiseField />
        </Show>
        <Show when=move || shows.get().split>
            <TrainingShare />
        </Show>
        <Show when=move || !is_digits()>
            <Samples />
        </Show>
        <NewData />
        <Show when=move || shows.get().split && !is_digits()>
            <CheckField
                label="Show test data"
                checked=Signal::derive(move || cfg.with(|c| c.show_test_data))
                on_change=Callback::new(move |v| state.update_config(|c| c.show_test_data = v))
                testid="show-test"
            />
        </Show>
        <Show when=move || shows.get().inputs>
            <InputsSection />
        </Show>
    }
}

/// What says the points are the user's own, and the way back to points set aside by a
/// generated data set.
#[component]
fn OwnPoints() -> impl IntoView {
    let state = expect_context::<AppState>();
    let stashed = move || {
        state
            .stashed_points
            .with(|p| p.as_ref().map_or(0, Vec::len))
    };
    view! {
        <Show when=move || state.config.with(|c| c.points.is_some())>
            <p class="hint">
                "Your own points. Pick a data set above to go back to generated data."
            </p>
        </Show>
        <Show when=move || state.stashed_points.with(Option::is_some)>
            <button
                class="wide"
                data-testid="restore-points"
                on:click=move |_| state.restore_points()
            >
                {move || format!("Back to my points ({})", stashed())}
            </button>
        </Show>
    }
}

/// The number of classes, for the blobs (the only data set with a choice of it).
#[component]
fn ClassesField() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let blobs = move || {
        cfg.with(|c| c.problem == Problem::Classification && c.dataset == DatasetKind::Blobs)
    };
    view! {
        <Show when=blobs>
            <RangeField
                label="Classes"
                min=2.0
                max=6.0
                step=1.0
                value=Signal::derive(move || cfg.with(|c| c.classes as f64))
                format=|v| format!("{v}")
                on_change=Callback::new(move |v: f64| {
                    state.update_config(|c| c.classes = v as usize)
                })
                testid="classes"
            />
        </Show>
    }
}

/// How far the generated points scatter from their pattern, in percent.
#[component]
fn NoiseField() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <RangeField
            label="Noise"
            min=f64::from(limits::NOISE.0)
            max=f64::from(limits::NOISE.1)
            step=1.0
            value=Signal::derive(move || state.config.with(|c| f64::from(c.noise)))
            format=|v| format!("{v}%")
            on_change=Callback::new(move |v: f64| state.update_config(|c| c.noise = v as u32))
            testid="noise"
        />
    }
}

/// The share of the points that trains (the rest tests): the data panel's control, and the
/// one beside the brushes when drawn points are split.
#[component]
pub fn TrainingShare(
    /// The slider's `data-testid` (`perc-train` in the data panel).
    #[prop(default = "perc-train")]
    testid: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    view! {
        <RangeField
            label="Training data"
            min=f64::from(limits::PERC_TRAIN.0)
            max=f64::from(limits::PERC_TRAIN.1)
            step=5.0
            value=Signal::derive(move || cfg.with(|c| f64::from(c.perc_train)))
            format=|v| format!("{v}%")
            on_change=Callback::new(move |v: f64| state.update_config(|c| c.perc_train = v as u32))
            testid=testid
        />
    }
}

/// Draws a new generated set: a new seed, and back from drawn points.
#[component]
fn NewData() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reseed = move |_| {
        state.update_config(|c| {
            c.seed = mix(c.seed, 0x5eed) % 1_000_000;
            c.points = None;
        })
    };
    view! {
        <button class="wide" data-testid="regenerate" on:click=reseed>
            {move || format!("New data (seed {})", state.config.with(|c| c.seed))}
        </button>
    }
}

/// Classification or regression.
#[component]
fn ProblemChoice() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <SelectField
            label="Problem"
            testid="problem"
            options=vec![("classification", "Classification"), ("regression", "Regression")]
            value=Signal::derive(move || state.config.with(|c| c.problem.name().to_string()))
            on_change=Callback::new(move |v: String| {
                if let Some(p) = Problem::from_name(&v) {
                    state
                        .update_config(|c| {
                            c.problem = p;
                            c.points = None;
                        });
                }
            })
        />
    }
}

/// One button per generated data set of the problem.
#[component]
fn DataSets() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let sets = move || match cfg.with(|c| c.problem) {
        Problem::Classification => DatasetKind::CLASSIFICATION.to_vec(),
        Problem::Regression => DatasetKind::REGRESSION.to_vec(),
    };
    let choose = move |kind: DatasetKind| {
        state.choose_data(|c| {
            match kind.problem() {
                Problem::Classification => c.dataset = kind,
                Problem::Regression => c.reg_dataset = kind,
            }
            c.points = None;
        })
    };
    view! {
        <div
            class="datasets"
            role="group"
            aria-label="Data set"
            data-problem=move || cfg.with(|c| c.problem.name())
        >
            <For each=sets key=|k| *k let:kind>
                <button
                    class="dataset"
                    class:active=move || {
                        cfg.with(|c| c.points.is_none() && c.active_dataset() == kind)
                    }
                    data-testid=format!("dataset-{}", kind.name())
                    on:click=move |_| choose(kind)
                >
                    {kind.label()}
                </button>
            </For>
        </div>
    }
}

/// Line mode's data: (x, y) points scattered around a line the model does not know.
#[component]
fn LineData() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let (m, c) = LINE_TRUTH;
    view! {
        <div class="datasets line-data" role="group" aria-label="Data set">
            <button
                class="dataset"
                class:active=move || cfg.with(|c| c.points.is_none())
                data-testid="dataset-line"
                on:click=move |_| state.choose_data(|c| c.points = None)
            >
                "Points around a line"
            </button>
        </div>
        <p class="hint" data-testid="line-data-hint">
            {format!(
                "Each point is (x, y): y = {m}x + {c} plus noise. {}",
                crate::app::lecture::pointer().add_own_points(),
            )}
        </p>
    }
}

/// How many points are generated: every count a link allows ([`limits::SAMPLES`]), line
/// mode's 100 or curve mode's 200.
#[component]
fn Samples() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    // Minimum, maximum and step; the slider is made again only when they change.
    let range = Memo::new(move |_| {
        cfg.with(|c| match c.model {
            Model::Line => (10.0, limits::LINE_SAMPLES as f64, 10.0),
            Model::Curve => (10.0, limits::CURVE_SAMPLES as f64, 10.0),
            _ => (limits::SAMPLES.0 as f64, limits::SAMPLES.1 as f64, 10.0),
        })
    });
    let slider = move |(min, max, step): (f64, f64, f64)| {
        view! {
            <RangeField
                label="Points generated"
                min=min
                max=max
                step=step
                value=Signal::derive(move || cfg.with(|c| (c.samples as f64).min(max)))
                format=|v| format!("{v}")
                on_change=Callback::new(move |v: f64| {
                    state.update_config(|c| c.samples = v as usize)
                })
                testid="samples"
            />
        }
    };
    move || slider(range.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_model_shows_the_data_controls_it_uses() {
        let mlp = DataControls::of(Model::Mlp);
        assert!(mlp.problem && mlp.datasets && mlp.split && mlp.inputs);
        let logistic = DataControls::of(Model::Logistic);
        assert!(!logistic.problem && logistic.datasets && logistic.split && logistic.inputs);
        let perceptron = DataControls::of(Model::Perceptron);
        assert!(perceptron.datasets && !perceptron.split && !perceptron.inputs);
        let line = DataControls::of(Model::Line);
        assert!(!line.problem && !line.datasets && !line.split && !line.inputs);
        let curve = DataControls::of(Model::Curve);
        assert!(!curve.problem && !curve.datasets && curve.split && curve.inputs);
    }
}
