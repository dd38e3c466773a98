//! Leptos components, one per file. They own the signals, read snapshots and call the trainer;
//! they contain no maths.
mod backprop;
mod bench_page;
mod brushes;
mod ce_panel;
mod ce_popover;
mod controls;
mod diagram;
mod digits;
mod fields;
mod fullscreen;
mod help_tip;
mod hidden_space;
mod hide;
mod jit;
mod kept;
mod lecture;
mod lessons;
mod lift;
mod line_surface;
mod loss_panel;
mod neurons;
mod panic;
pub(crate) mod plot;
mod probe;
mod readouts;
mod run_loop;
mod share;
mod shortcuts;
mod sized;
mod split_note;
mod stage;
mod state;
mod storage;
mod undo;
mod url;
mod work;

use crate::core::config::Model;
use leptos::prelude::*;
pub use state::{AppState, Brush};

/// Installs the panic hook and mounts the app (or, with `?bench` in the URL, the benchmark).
pub fn start() {
    panic::install();
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if search.contains("bench") {
        leptos::mount::mount_to_body(bench_page::BenchPage);
    } else {
        leptos::mount::mount_to_body(App);
    }
}

/// The playground: transport and readouts on top, the status line under them, lesson and
/// data / plot / model in three columns.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_location();
    provide_context(state);
    probe::install(state);
    let page = lecture::PageView::from_browser();
    provide_context(page);
    run_loop::start(state);
    url::sync(state);
    lecture::sync_page(state, page);
    let lessons = lessons::LessonUi::provide();
    shortcuts::listen(state, page, lessons);
    fullscreen::follow_browser(page);
    let is_perceptron = move || state.config.with(|c| c.model == Model::Perceptron);
    let in_bar = move || !stage::is_stage(state, page);
    view! {
        <div class="app">
            <header class="topbar">
                <h1 class="title">"Neural Network Playground"</h1>
                <stage::DrawerToggle />
                <controls::Transport />
                // In the presenter layout, the readouts go beside the plot (stage::Charts).
                <Show when=in_bar>
                    <readouts::Readouts />
                </Show>
                <lecture::ViewBar />
            </header>
            // In the flow under the top bar: on the first screen, beside Play and Step, and
            // over nothing (see `.status` in style/main.css).
            <p class="status" data-testid="status" role="status" aria-live="polite">
                {move || state.status.with(|s| s.text.clone())}
            </p>
            <kept::KeptNotice />
            <work::WorkProgress />
            <hide::HiddenStyle />
            <lecture::ShortcutsHelp />
            // The plot first (a phone shows it first); the controls in one drawer, which lecture
            // mode opens and closes (elsewhere its columns are the grid's, see style/stage.css).
            <main class="columns">
                <PlotColumn />
                <div class="drawer" id="controls-drawer" aria-label="Controls">
                    <SideColumn />
                    <ModelColumn />
                    <Show when=is_perceptron>
                        <section class="panel xor-panel" aria-label="Build XOR">
                            <controls::XorBuilder />
                        </section>
                    </Show>
                </div>
                <stage::Charts />
            </main>
        </div>
    }
}

/// The model chosen, for the columns' choice of views.
fn model_memo(state: AppState) -> Memo<Model> {
    Memo::new(move |_| state.config.with(|c| c.model))
}

/// The left column: the hide checklist (lecture mode), the lesson, the data, sharing.
#[component]
fn SideColumn() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lecture_mode = move || state.config.with(|c| c.lecture);
    view! {
        <div class="side-column">
            <Show when=lecture_mode>
                <hide::HidePanel />
            </Show>
            <lessons::LessonPanel />
            <section class="panel data-panel" aria-label="Data">
                <controls::DataPanel />
            </section>
            <section class="panel share-panel" aria-label="Share">
                <share::SharePanel />
                <share::ImportExport />
            </section>
        </div>
    }
}

/// The middle column: the plot and the views of the model that go with it; in digits mode,
/// the digits' views instead.
#[component]
fn PlotColumn() -> impl IntoView {
    let model = model_memo(expect_context::<AppState>());
    let is_digits = move || model.get() == Model::Digits;
    view! {
        <Show when=is_digits fallback=|| view! { <PlotPanel /> }>
            <section class="panel plot-panel digits-plot-panel" aria-label="Digits">
                <digits::DigitsPanel />
            </section>
        </Show>
    }
}

/// The plot and the views of the points that go with it.
#[component]
fn PlotPanel() -> impl IntoView {
    let model = model_memo(expect_context::<AppState>());
    let is_mlp = move || model.get().uses_network();
    let is_line = move || model.get() == Model::Line;
    // The views of points by class: not for curve mode's (x, y) points.
    let has_classes = move || matches!(model.get(), Model::Mlp | Model::Logistic);
    view! {
        <section class="panel plot-panel" aria-label="Plot">
            <brushes::Brushes />
            <plot::Plot />
            // Under the plot, so that it never moves the plot under a finger that draws.
            <split_note::SplitNote />
            <Show when=is_line>
                <line_surface::LineSurfacePanel />
            </Show>
            <Show when=is_mlp>
                <neurons::NeuronsPanel />
                <diagram::DiagramPanel />
            </Show>
            <Show when=has_classes>
                <hidden_space::HiddenSpacePanel />
                <lift::LiftPanel />
            </Show>
            // Text, not a picture: under the views (the presenter can pick it beside the plot).
            <Show when=is_mlp>
                <div class="backprop-panel" aria-label="Backpropagation">
                    <backprop::BackpropPanel />
                </div>
            </Show>
        </section>
    }
}

/// The right column: the model's own controls (the loss chart is under it, in `Charts`).
#[component]
fn ModelColumn() -> impl IntoView {
    let model = model_memo(expect_context::<AppState>());
    let is_mlp = move || model.get().uses_network();
    let is_perceptron = move || model.get() == Model::Perceptron;
    let is_adaline = move || model.get() == Model::Adaline;
    let is_line = move || model.get() == Model::Line;
    let is_curve = move || model.get() == Model::Curve;
    view! {
        <section class="panel model-panel" aria-label="Model">
            <controls::ModelChoice />
            <Show when=is_curve>
                <controls::CurvePanel />
            </Show>
            <Show when=is_mlp>
                <controls::NetworkPanel />
                <controls::TrainingPanel />
            </Show>
            <Show when=is_perceptron>
                <controls::PerceptronPanel />
                <controls::GatesPanel />
            </Show>
            <Show when=is_adaline>
                <controls::AdalinePanel />
            </Show>
            <Show when=is_line>
                <controls::LinePanel />
            </Show>
        </section>
    }
}
