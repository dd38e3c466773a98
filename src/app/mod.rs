//! Leptos components, one per file. They own the signals, read snapshots and call the trainer;
//! they contain no maths.
mod bench_page;
mod brushes;
mod controls;
mod diagram;
mod fields;
mod fullscreen;
mod hidden_space;
mod hide;
mod lecture;
mod lessons;
mod loss_panel;
mod neurons;
mod panic;
mod plot;
mod readouts;
mod run_loop;
mod shortcuts;
mod state;
mod storage;
mod undo;
mod url;

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

/// The playground: transport and readouts on top, lesson and data / plot / model in three
/// columns.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_location();
    provide_context(state);
    let page = lecture::PageView::from_browser();
    provide_context(page);
    run_loop::start(state);
    url::sync(state);
    lecture::sync_page(state, page);
    shortcuts::listen(state, page);
    let lecture_mode = move || state.config.with(|c| c.lecture);
    let is_mlp = move || {
        state
            .config
            .with(|c| c.model == crate::core::config::Model::Mlp)
    };
    view! {
        <div class="app">
            <header class="topbar">
                <h1 class="title">"Neural Network Playground"</h1>
                <controls::Transport/>
                <readouts::Readouts/>
                <lecture::ViewBar/>
            </header>
            <hide::HiddenStyle/>
            <lecture::ShortcutsHelp/>
            <main class="columns">
                <div class="side-column">
                    <Show when=lecture_mode>
                        <hide::HidePanel/>
                    </Show>
                    <lessons::LessonPanel/>
                    <section class="panel data-panel" aria-label="Data">
                        <controls::DataPanel/>
                    </section>
                </div>
                <section class="panel plot-panel" aria-label="Plot">
                    <brushes::Brushes/>
                    <plot::Plot/>
                    <neurons::NeuronsPanel/>
                    <Show when=is_mlp>
                        <diagram::DiagramPanel/>
                        <hidden_space::HiddenSpacePanel/>
                    </Show>
                </section>
                <section class="panel model-panel" aria-label="Model">
                    <controls::ModelChoice/>
                    <Show
                        when=is_mlp
                        fallback=|| {
                            view! {
                                <controls::PerceptronPanel/>
                                <controls::GatesPanel/>
                            }
                        }
                    >
                        <controls::NetworkPanel/>
                        <controls::TrainingPanel/>
                    </Show>
                    <loss_panel::LossPanel/>
                    <Show when=is_mlp>
                        <loss_panel::GradientPanel/>
                    </Show>
                </section>
            </main>
            <Show when=move || !is_mlp()>
                <section class="panel xor-panel" aria-label="Build XOR">
                    <controls::XorBuilder/>
                </section>
            </Show>
            <footer class="status" data-testid="status" role="status" aria-live="polite">
                {move || state.status.get()}
            </footer>
        </div>
    }
}
