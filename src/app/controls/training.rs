//! Training: learning rate, batch size, optimizer, regularization, dropout, and the way the
//! gradient is found (with the gradient check).
use crate::app::fields::{ConfigNumber, LearningRateField, NumberField, RangeField, SelectField};
use crate::app::AppState;
use crate::core::config::{adjusted_note, format_number, limits, Adjust, LrSchedule, Precision};
use crate::core::gradients::GradientMethod;
use crate::core::number_text::fixed;
use crate::core::optimizer::OptimizerKind;
use crate::core::regularization::Regularization;
use crate::core::trainer::RestartSpread;
use leptos::prelude::*;

/// The training panel.
#[component]
pub fn TrainingPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    view! {
        <h2 data-group="training">"Training"</h2>
        <StepSettings />
        <ScheduleSection />
        <NumberField
            label="Early stopping: patience (epochs, 0 = off)"
            testid="early-stopping"
            range=(f64::from(limits::PATIENCE.0), f64::from(limits::PATIENCE.1))
            precision=Precision::Whole
            value=Signal::derive(move || cfg.with(|c| f64::from(c.patience)))
            on_change=Callback::new(move |v: f64| {
                state.update_config(|c| c.patience = v.round() as u32)
            })
        />
        <GradientSection />
        <RestartsSection />
    }
}

/// What each step does: learning rate, batch size, optimizer, regularization and dropout.
#[component]
fn StepSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let usize_range = |(lo, hi): (usize, usize)| (lo as f64, hi as f64);
    view! {
        <div class="grid2">
            <LearningRateField />
            <NumberField
                label="Batch size"
                testid="batch-size"
                range=usize_range(limits::BATCH_SIZE)
                precision=Precision::Whole
                value=Signal::derive(move || cfg.with(|c| c.batch_size as f64))
                on_change=Callback::new(move |v: f64| {
                    state.update_config(|c| c.batch_size = v.round() as usize)
                })
            />
            <SelectField
                label="Optimizer"
                testid="optimizer"
                options=OptimizerKind::ALL.iter().map(|o| (o.name(), o.label())).collect()
                value=Signal::derive(move || cfg.with(|c| c.optimizer.name().to_string()))
                on_change=Callback::new(move |v: String| {
                    if let Some(o) = OptimizerKind::from_name(&v) {
                        state.update_config(|c| c.optimizer = o);
                    }
                })
            />
            <RegularizationFields />
            <RangeField
                label="Dropout"
                min=limits::DROPOUT.0
                max=limits::DROPOUT.1
                step=0.05
                value=Signal::derive(move || cfg.with(|c| c.dropout))
                format=|v| format!("{:.0}%", v * 100.0)
                on_change=Callback::new(move |v| state.update_config(|c| c.dropout = v))
                testid="dropout"
            />
        </div>
    }
}

/// The penalty on the weights and its rate.
#[component]
fn RegularizationFields() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <SelectField
            label="Regularization"
            testid="regularization"
            options=vec![("none", "None"), ("L1", "L1"), ("L2", "L2")]
            value=Signal::derive(move || state.config.with(|c| c.regularization.name().to_string()))
            on_change=Callback::new(move |v: String| {
                if let Some(r) = Regularization::from_name(&v) {
                    state.update_config(|c| c.regularization = r);
                }
            })
        />
        <ConfigNumber
            label="Regularization rate"
            testid="regularization-rate"
            range=limits::REGULARIZATION_RATE
            get=|c| c.regularization_rate
            set=|c, v| c.regularization_rate = v
        />
    }
}

/// The learning-rate schedule, its decay, and the rate it gives at the current epoch.
#[component]
fn ScheduleSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let schedules = vec![
        ("constant", "Constant"),
        ("exp", "× (1 − decay) each epoch"),
        ("step", "Halve every N epochs"),
    ];
    let rate_now = move || {
        let epoch = state.snapshot.with(|s| s.epoch);
        let rate = format!("{:.6}", cfg.with(|c| c.learning_rate_at(epoch)));
        rate.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    view! {
        <div class="grid2">
            <SelectField
                label="Learning-rate schedule"
                testid="lr-schedule"
                options=schedules
                value=Signal::derive(move || cfg.with(|c| c.lr_schedule.name().to_string()))
                on_change=Callback::new(move |v: String| {
                    if let Some(s) = LrSchedule::from_name(&v) {
                        choose_schedule(&state, s);
                    }
                })
            />
            {move || {
                let (range, precision) = cfg.with(|c| c.lr_decay_limits());
                view! {
                    <NumberField
                        label="Decay / N"
                        testid="lr-decay"
                        range=range
                        precision=precision
                        value=Signal::derive(move || cfg.with(|c| c.lr_decay))
                        on_change=Callback::new(move |v| state.update_config(|c| c.lr_decay = v))
                    />
                }
            }}
        </div>
        <p class="hint">
            "Learning rate now: " <strong data-testid="current-lr">{rate_now}</strong>
        </p>
    }
}

/// Sets the learning-rate schedule, saying so where the decay had to change to suit it (a
/// rate up to 0.5, or whole epochs).
fn choose_schedule(state: &AppState, schedule: LrSchedule) {
    let before = state.config.with_untracked(|c| c.lr_decay);
    state.update_config(|c| c.lr_schedule = schedule);
    let after = state.config.with_untracked(|c| c.lr_decay);
    if after != before {
        let ((lo, hi), precision) = state.config.with_untracked(|c| c.lr_decay_limits());
        let how = match precision {
            Precision::Whole if (lo..=hi).contains(&before) => Adjust::Rounded,
            _ => Adjust::Range(lo, hi),
        };
        let (was, now) = (format_number(before), format_number(after));
        state.say(adjusted_note("Decay / N", &was, &now, how));
    }
}

/// The gradient method and its parameter (the numerical ε or the search step), and the
/// gradient check.
#[component]
fn GradientSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let cfg = state.config;
    let method = move || cfg.with(|c| c.gradient);
    view! {
        <div class="grid2">
            <SelectField
                label="Gradient"
                testid="gradient"
                options=GradientMethod::ALL.iter().map(|m| (m.name(), m.label())).collect()
                value=Signal::derive(move || method().name().to_string())
                on_change=Callback::new(move |v: String| {
                    if let Some(m) = GradientMethod::from_name(&v) {
                        state.update_config(|c| c.gradient = m);
                    }
                })
            />
            <Show
                when=move || method() == GradientMethod::RandomSearch
                fallback=move || {
                    view! {
                        <ConfigNumber
                            label="ε (numerical)"
                            testid="epsilon"
                            range=limits::EPSILON
                            get=|c| c.epsilon
                            set=|c, v| c.epsilon = v
                        />
                    }
                }
            >
                <ConfigNumber
                    label="Search step"
                    testid="search-step"
                    range=limits::SEARCH_STEP
                    get=|c| c.search_step
                    set=|c, v| c.search_step = v
                />
            </Show>
        </div>
        <super::grad_check::GradientCheck />
    }
}

/// Random restarts: train several starts, keep the best, and show how their final losses spread.
#[component]
fn RestartsSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (count, set_count) = signal(10.0);
    let (epochs, set_epochs) = signal(200.0);
    let run = move |_| {
        let (starts, n) = (count.get_untracked() as u32, epochs.get_untracked() as u32);
        state.trainer.update_value(|t| state.kernels.supply(t));
        state.work.start_restarts(state, starts, n);
    };
    view! {
        <div class="restarts-section">
            <h2 data-group="restarts">"Random restarts"</h2>
            <div class="grid2">
                <NumberField
                    label="Starts"
                    testid="restart-count"
                    range=(f64::from(limits::RESTARTS.0), f64::from(limits::RESTARTS.1))
                    precision=Precision::Whole
                    value=count
                    on_change=Callback::new(move |v: f64| set_count.set(v.round()))
                />
                <NumberField
                    label="Epochs each"
                    testid="restart-epochs"
                    range=(f64::from(limits::RESTART_EPOCHS.0), f64::from(limits::RESTART_EPOCHS.1))
                    precision=Precision::Whole
                    value=epochs
                    on_change=Callback::new(move |v: f64| set_epochs.set(v.round()))
                />
            </div>
            <button class="wide" data-testid="random-restarts" on:click=run>
                "Train the starts, keep the best"
            </button>
            <RestartSpreadView results=state.work.restart_results />
        </div>
    }
}

/// The restarts' final losses as dots on a strip, and their best, median and worst.
#[component]
fn RestartSpreadView(
    /// Each restart's number and final training loss.
    results: RwSignal<Vec<(u32, f64)>>,
) -> impl IntoView {
    let spread = Memo::new(move |_| results.with(|r| RestartSpread::of(r)));
    let summary = move || {
        let Some(s) = spread.get() else {
            return String::from("—");
        };
        let shown = |v: f64| fixed(v, 3);
        format!(
            "best {} · median {} · worst {} ({} starts)",
            shown(s.best),
            shown(s.median),
            shown(s.worst),
            s.count
        )
    };
    let dots = move || {
        let Some(s) = spread.get() else {
            return Vec::new();
        };
        results
            .get()
            .into_iter()
            .filter(|r| r.1.is_finite())
            .map(|(restart, loss)| {
                let left = format!("left: {:.1}%", s.position(loss));
                let title = format!("restart {restart}: {}", fixed(loss, 4));
                view! { <span class="restart-dot" style=left title=title></span> }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="restart-strip" aria-hidden="true">
            {dots}
        </div>
        <p class="hint" data-testid="restart-spread">
            {summary}
        </p>
    }
}
